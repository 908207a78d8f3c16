/**
 * Bodies are stored before an import's transaction; a transaction that refuses must not leave the
 * bodies it brought behind (a refused import leaves the workspace folder as it was), while bodies
 * that were there before stay, since other rows name them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { blobPath, storeBlob } from '../../../electron/core/services/attachment-store';
import { withStoredBodies } from '../../../electron/core/services/exchange/package-files';
import { tempDir } from '../../helpers/workspace';

const temp = tempDir('qad-stored-bodies-');
afterAll(() => temp.dispose());
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

it('removes only the bodies it added when the transaction refuses, and keeps them when it commits', () => {
  const filesDir = join(temp.dir, 'files');
  const staged = join(temp.dir, 'staged');
  mkdirSync(staged, { recursive: true });
  const old = Buffer.from('%PDF-1.4 already in the workspace');
  const fresh = Buffer.from('%PDF-1.4 brought by the package');
  storeBlob(filesDir, old);
  writeFileSync(join(staged, 'old.pdf'), old);
  writeFileSync(join(staged, 'fresh.pdf'), fresh);
  const paths = [join(staged, 'old.pdf'), join(staged, 'fresh.pdf')];

  expect(() =>
    withStoredBodies(filesDir, paths, () => {
      expect(existsSync(blobPath(filesDir, sha(fresh)))).toBe(true); // stored before the rows
      throw new Error('refused inside the transaction');
    }),
  ).toThrow('refused inside the transaction');
  expect(existsSync(blobPath(filesDir, sha(fresh)))).toBe(false);
  expect(existsSync(blobPath(filesDir, sha(old)))).toBe(true);

  expect(withStoredBodies(filesDir, paths, () => 'committed')).toBe('committed');
  expect(existsSync(blobPath(filesDir, sha(fresh)))).toBe(true);
});
