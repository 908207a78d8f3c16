import type { Framework } from '../../../shared/domain/frameworks';
import { frameworkFingerprint } from './fingerprint';

export interface LoadedFramework {
  framework: Framework;
  /** sha256 over all content: changes with any edit. */
  fingerprint: string;
  /** sha256 over what scores depend on (ids, kinds, points, scale): what the core freezes. */
  scoringFingerprint: string;
  source: { kind: 'builtIn' | 'json' | 'xlsx'; file: string };
}

export function loaded(framework: Framework, source: LoadedFramework['source']): LoadedFramework {
  return {
    framework,
    fingerprint: frameworkFingerprint(framework, 'content'),
    scoringFingerprint: frameworkFingerprint(framework, 'scoring'),
    source,
  };
}
