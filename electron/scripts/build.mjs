#!/usr/bin/env node
// Builds the three Node-side bundles (Electron main, sandboxed preload, CLI/browser host) with esbuild
// and the renderer with Vite. Everything lands in out/, which is what npm start, the CLI and packaging use.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv[2]; // 'node' or 'renderer' to build one half

const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native and font-heavy libraries stay in node_modules: native addons cannot be bundled.
  external: ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'exceljs', 'yauzl', 'yazl'],
  define: { __APP_VERSION__: JSON.stringify(version) },
};

if (only !== 'renderer') {
  await Promise.all([
    esbuild({ ...nodeCommon, entryPoints: [join(root, 'electron/main/index.ts')], outfile: join(root, 'out/main.cjs') }),
    esbuild({ ...nodeCommon, entryPoints: [join(root, 'electron/preload/index.ts')], outfile: join(root, 'out/preload.cjs'), sourcemap: false }),
    esbuild({
      ...nodeCommon,
      entryPoints: [join(root, 'electron/cli/index.ts')],
      outfile: join(root, 'out/cli.cjs'),
      banner: { js: '#!/usr/bin/env node' },
    }),
    // The print worker (electron/core/jobs/backend.ts) loads from beside main.cjs / cli.cjs. pdfkit's font lookup
    // uses import.meta.url, which a CommonJS bundle lacks: give it this file's URL.
    esbuild({
      ...nodeCommon,
      entryPoints: [join(root, 'electron/core/jobs/print-worker.ts')],
      outfile: join(root, 'out/print-worker.cjs'),
      define: { ...nodeCommon.define, 'import.meta.url': '__printWorkerUrl' },
      banner: { js: "var __printWorkerUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
}
if (only !== 'node') {
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
