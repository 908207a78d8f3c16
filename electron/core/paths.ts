import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { existsSync } from 'node:fs';

export const PRODUCT_NAME = 'Quality Award Desk';
export const DEFAULT_WORKSPACE_FILE = 'office-workspace.sqlite';

/** The same folder Electron's app.getPath('userData') gives for our productName, so every host shares it. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultWorkspacePath(userDataDir: string = defaultUserDataDir()): string {
  return join(userDataDir, DEFAULT_WORKSPACE_FILE);
}

/** Walks up from a bundle (out/cli.cjs) or a source file to the folder that holds `resources/`. */
export function findAppRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'resources')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}
