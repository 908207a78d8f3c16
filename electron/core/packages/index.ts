export { writePackage, type PackageFileInput, type WritePackageInput, type WrittenPackage } from './writer';
export {
  openPackage,
  type LastAcceptedSequence,
  type OpenPackageOptions,
  type PackageExpectation,
  type SequenceQuery,
  type StagedFile,
  type VerifiedPackage,
} from './reader';
export {
  createWorkspaceKeyPair,
  keyFingerprint,
  keyIdOf,
  loadPrivateKey,
  loadPublicKey,
  rawPublicKey,
  signBytes,
  verifyBytes,
  type PrivateKeyInput,
  type PublicKeyInput,
  type WorkspaceKeyPair,
} from './keys';
export {
  anyOf,
  createEnrolment,
  enrolFromReview,
  enrolmentProof,
  trustCarriedKey,
  trustedKey,
  trustEnrolledExperts,
  trustKeys,
  verifyEnrolmentProof,
  type Enrolment,
  type EnrolmentContext,
  type EnrolmentRecord,
  type Trust,
  type TrustedKey,
  type TrustQuery,
  type TrustResolver,
} from './trust';
export { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits';
export { checkEntryPath, type EntryPathRule, type EntryPathViolation } from './entry-path';
export { isRefusal, type RefusalReason } from './refusal';
