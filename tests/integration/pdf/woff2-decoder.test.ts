/**
 * The print worker starts without fontkit's WOFF2 decoder (see electron/core/pdf/skip-woff2-decoder.ts),
 * yet a WOFF2 font would decode as before: the stand-in loads the real decoder on its first call.
 * Checked on the bundle the CLI and the app run (out/print-worker.cjs, built by the global setup).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const worker = join(__dirname, '..', '..', '..', 'out', 'print-worker.cjs');

const script = `
const { createRequire } = require('node:module');
const { brotliCompressSync } = require('node:zlib');
require(process.argv[1]);
const fromFontkit = createRequire(require.resolve('fontkit'));
const loaded = () => Object.keys(require.cache).some((k) => /brotli[\\\\/]dec[\\\\/]dictionary/.test(k));
const before = loaded();
const text = Buffer.from('荣誉证书 WOFF2 '.repeat(50));
const decoded = Buffer.from(fromFontkit('brotli/decompress.js')(brotliCompressSync(text)));
console.log(JSON.stringify({ before, after: loaded(), same: decoded.equals(text) }));
`;

describe('WOFF2 decoder', () => {
  it('is left unloaded by the print worker and still decodes when called', () => {
    const run = spawnSync(process.execPath, ['-e', script, worker], { encoding: 'utf8', cwd: join(__dirname, '..', '..', '..') });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: false, after: true, same: true });
  });
});
