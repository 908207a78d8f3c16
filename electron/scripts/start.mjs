#!/usr/bin/env node
// `npm start`: opens the desktop app when the Electron binary is available, otherwise the same app
// through the loopback browser host. Electron's own installer is denied at `npm install` (package.json
// allowScripts) so that machines without internet can install; here we run that installer once, which
// fetches the binary where the network allows it.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const electronDir = join(root, 'node_modules', 'electron');
const nativeDir = join(root, '.cache', 'electron-native');

function electronBinary() {
  try {
    const candidate = require('electron'); // the package exports the binary's path, or throws when absent
    return typeof candidate === 'string' && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function fetchElectron() {
  if (!existsSync(join(electronDir, 'install.js')) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 300_000 });
}

/**
 * better-sqlite3 in node_modules is built for Node (the CLI, tests and browser host use it); Electron
 * needs one built for its own ABI. Build that copy beside it instead of replacing it.
 */
function ensureElectronNativeModule() {
  const target = join(nativeDir, 'better_sqlite3.node');
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const stamp = join(nativeDir, `electron-${electronVersion}-${process.arch}`);
  if (existsSync(target) && existsSync(stamp)) return true;
  const work = join(nativeDir, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  rmSync(join(work, 'build'), { recursive: true, force: true });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
  delete env.npm_config_nodedir; // the Node headers in /usr are the wrong ones for Electron
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`], { cwd: work, env, stdio: 'inherit' });
  if (prebuilt.status !== 0) {
    const gyp = spawnSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], { cwd: work, env, stdio: 'inherit' });
    if (gyp.status !== 0) return false;
  }
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  copyFileSync(target, stamp);
  return true;
}

function startBrowserHost(reason) {
  const args = [join(root, 'out', 'cli.cjs'), 'serve', '--notice', reason];
  if (process.env.AWARD_DESK_WORKSPACE) args.push('--workspace', process.env.AWARD_DESK_WORKSPACE);
  if (process.env.AWARD_DESK_PORT) args.push('--port', process.env.AWARD_DESK_PORT);
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = process.env.AWARD_DESK_BROWSER ? undefined : electronBinary();
if (!binary && !process.env.AWARD_DESK_BROWSER) {
  fetchElectron();
  binary = electronBinary();
}
if (binary && ensureElectronNativeModule()) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  startBrowserHost(binary ? 'native-module' : 'no-electron');
}
