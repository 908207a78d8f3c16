export { exportSubmission, submissionProblems } from './submission-export';
export { exportReview } from './review-export';
export { exportScores } from './scores-export';
export { importPackageFile, KINDS_BY_ROLE, type ImportOptions } from './import';
export { createExpertWorkspace, type CreateExpertWorkspaceOptions, type CreatedExpertWorkspace } from './expert-workspace';
export { exchangeHistory } from './bookkeeping';
export { exchangeIdentity } from './identity';
