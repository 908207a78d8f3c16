import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Integration tests drive the real CLI bundle, so build the Node side (about a second) before they run. */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'electron', 'scripts', 'build.mjs'), 'node'], { stdio: 'inherit' });
}
