// Layers from docs/ARCHITECTURE.md, enforced here (and by separate tsconfigs):
//   shared/ imports only shared/; renderer/ never reaches Node, Electron or the database;
//   electron/core never imports 'electron'; only electron/core/db imports better-sqlite3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Bare names are matched exactly (so './events' is not the 'events' builtin); globs match folders.
const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'events', 'zlib', 'module'];

const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
const toPattern = (items, message) => {
  const exact = items.filter((item) => !item.includes('/') || item.startsWith('node:') || item === 'fs/promises');
  const globs = items.filter((item) => !exact.includes(item));
  return [
    ...(exact.length ? [{ regex: `^(${exact.map(escape).join('|')})$`, message }] : []),
    ...(globs.length ? [{ group: globs, message }] : []),
  ];
};
const wall = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.flatMap(([items, message]) => toPattern(items, message)) }],
});

export const layerRules = {
  shared: wall(
    [NODE_BUILTINS, 'shared/ is pure: no Node APIs (move it to electron/core).'],
    [['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'exceljs', 'yauzl', 'yazl', 'react', 'react-dom', 'antd', 'i18next', 'react-i18next'], 'shared/ is pure: no runtime-specific libraries.'],
    [['**/electron/**', '**/renderer/**', '../electron', '../../electron', '../renderer', '../../renderer'], 'shared/ may import only shared/.'],
  ),
  renderer: wall(
    [NODE_BUILTINS, 'renderer/ runs in the browser: no Node APIs.'],
    [['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'exceljs', 'yauzl', 'yazl'], 'renderer/ reaches the core only through bridge.ts.'],
    [['**/electron/**', '../electron', '../../electron'], 'renderer/ reaches the core only through bridge.ts.'],
  ),
  core: wall(
    [['electron'], "electron/core runs under plain Node: never import 'electron'."],
    [['**/renderer/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**'], 'electron/core must not depend on its hosts.'],
  ),
  coreOutsideDb: wall(
    [['electron'], "electron/core runs under plain Node: never import 'electron'."],
    [['**/renderer/**', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**'], 'electron/core must not depend on its hosts.'],
    [['better-sqlite3'], 'Only electron/core/db imports better-sqlite3.'],
  ),
  hosts: wall(
    [['electron'], 'The browser host and CLI run without Electron.'],
    [['better-sqlite3'], 'Only electron/core/db imports better-sqlite3.'],
    [['**/renderer/**', '**/main/**', '**/preload/**'], 'Hosts talk to electron/core and shared/ only.'],
  ),
  main: wall(
    [['better-sqlite3'], 'Only electron/core/db imports better-sqlite3.'],
    [['**/renderer/**', '**/host/**', '**/cli/**'], 'The Electron main process wraps electron/core only.'],
  ),
  preload: wall([['**/core/**', '**/renderer/**', '**/host/**', '**/cli/**', 'better-sqlite3', ...NODE_BUILTINS], 'The sandboxed preload may import only electron.']),
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['shared/**/*.ts'], languageOptions: { globals: {} }, rules: layerRules.shared },
  { files: ['renderer/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: layerRules.renderer },
  { files: ['electron/core/**/*.ts'], rules: layerRules.coreOutsideDb },
  { files: ['electron/core/db/**/*.ts'], rules: layerRules.core },
  { files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'], rules: layerRules.hosts },
  { files: ['electron/main/**/*.ts'], rules: layerRules.main },
  { files: ['electron/preload/**/*.ts'], rules: layerRules.preload },
);
