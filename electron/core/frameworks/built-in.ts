import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { DEFAULT_FRAMEWORK_CODE } from '../../../shared/domain/frameworks';
import { loadFrameworkFromJsonFile } from './load-json';
import type { LoadedFramework } from './loaded-framework';

export interface BuiltInFrameworks {
  /** The default (GB/T 19580-2012) first, then the others by code and version. */
  frameworks: readonly LoadedFramework[];
  defaultFramework: LoadedFramework;
}

/** Loads every `<resourcesDir>/criteria/*.json`; one bad file refuses them all (it ships with the app). */
export async function loadBuiltInFrameworks(resourcesDir: string): Promise<BuiltInFrameworks> {
  const dir = join(resourcesDir, 'criteria');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const frameworks = await Promise.all(files.map((name) => loadFrameworkFromJsonFile(join(dir, name), 'builtIn')));
  const seen = new Set<string>();
  for (const entry of frameworks) {
    const id = `${entry.framework.code}@${entry.framework.version}`;
    if (seen.has(id)) throw new AppError('internal', 'frameworks.error.duplicateFramework', { code: entry.framework.code, version: entry.framework.version });
    seen.add(id);
  }
  const isDefault = (entry: LoadedFramework) => entry.framework.code === DEFAULT_FRAMEWORK_CODE;
  const defaultFramework = frameworks.find(isDefault);
  if (!defaultFramework) throw new AppError('internal', 'frameworks.error.defaultMissing', { code: DEFAULT_FRAMEWORK_CODE });
  const others = frameworks
    .filter((entry) => !isDefault(entry))
    .sort((a, b) => `${a.framework.code}@${a.framework.version}`.localeCompare(`${b.framework.code}@${b.framework.version}`));
  return { frameworks: [defaultFramework, ...others], defaultFramework };
}
