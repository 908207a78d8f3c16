import { createHash } from 'node:crypto';
import { canonicalFrameworkJson, type FingerprintScope, type Framework } from '../../../shared/domain/frameworks';

/**
 * SHA-256 over the canonical JSON of a framework, as `sha256:<hex>`. Two frameworks with the same
 * content have the same fingerprint whatever their key order or formatting; the 'scoring' scope
 * ignores names, notes and band guidance (see canonicalFrameworkJson).
 */
export function frameworkFingerprint(framework: Framework, scope: FingerprintScope = 'content'): string {
  return `sha256:${createHash('sha256').update(canonicalFrameworkJson(framework, scope), 'utf8').digest('hex')}`;
}
