import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { parseFramework } from '../../../shared/domain/frameworks';
import { loaded, type LoadedFramework } from './loaded-framework';

/** Reads and validates a framework JSON file; refusals carry the file name beside the node. */
export async function loadFrameworkFromJsonFile(
  file: string,
  kind: 'builtIn' | 'json' = 'json',
): Promise<LoadedFramework> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError('notFound', 'frameworks.error.fileUnreadable', { file: basename(file) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('validation', 'frameworks.error.jsonInvalid', { file: basename(file) });
  }
  try {
    return loaded(parseFramework(data), { kind, file });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, key, params, fields } = error.payload;
    throw new AppError(code, key, { ...params, file: basename(file) }, fields);
  }
}
