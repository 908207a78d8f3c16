#!/usr/bin/env node
// Runs Doyensec's Electronegativity scanner over the app's sources (electron/, renderer/, shared/) and fails
// on any HIGH finding, on a scan that produced no readable report, and on an `eng-disable` suppression without a
// comment above it saying why. Part of `npm test` as `npm run security`.
//
// The scanner fetches translations and Electron's release list from the internet before it scans; neither
// is needed (the Electron version is passed with -e), so where the machine allows it the scan runs in a
// private network namespace (`unshare -n`) and makes no outbound connection at all.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_VERSION = '41.7.1';
// One input folder per scan; a staged copy of the three source trees lets the global checks (navigation
// limits, permission handler) see main, preload and renderer together, and keeps out/, tests/ and bench/ out.
const SOURCE_TREES = ['electron', 'renderer', 'shared'];

const child = join(dirname(fileURLToPath(import.meta.url)), 'electronegativity-scan.mjs');
const MARK = 'ELECTRONEGATIVITY-FINDINGS ';

/** Runs the scan in a child (offline where possible) and resolves to its findings, or rejects saying why. */
function scan(stage, isolated) {
  const args = [child, stage, ELECTRON_VERSION];
  const run = isolated ? spawnSync('unshare', ['-n', process.execPath, ...args], { encoding: 'utf8', cwd: root }) : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root });
  const line = (run.stdout ?? '').split('\n').find((text) => text.startsWith(MARK));
  if (run.status !== 0 || !line) throw new Error(`the scan produced no report (exit ${run.status}).\n${run.stdout ?? ''}${run.stderr ?? ''}`);
  const report = JSON.parse(line.slice(MARK.length));
  if (!(report.checks > 0)) throw new Error('the scan ran no checks; refusing to call that a pass.');
  return report;
}

function unshareWorks() {
  const probe = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  return probe.status === 0;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Every suppression must be explained by the comment line(s) right above it. */
function suppressions(stage) {
  const found = [];
  for (const file of listFiles(stage).filter((f) => /\.(m?[jt]sx?|html?)$/.test(f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = /eng-disable[ \t]+([\w \t]+)/.exec(line);
      if (!match) return;
      const above = (lines[index - 1] ?? '').trim();
      const justified = above.startsWith('//') || above.startsWith('*') || above.startsWith('/*') || above.startsWith('<!--');
      found.push({ where: `${relative(stage, file)}:${index + 1}`, checks: match[1].trim().split(/\s+/), justified });
    });
  }
  return found;
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'award-desk-electronegativity-'));
  try {
    const stage = join(work, 'app');
    for (const tree of SOURCE_TREES) cpSync(join(root, tree), join(stage, tree), { recursive: true });
    const isolated = process.platform === 'linux' && unshareWorks();
    console.log(`electronegativity: scanning ${SOURCE_TREES.join(', ')} for Electron ${ELECTRON_VERSION}` + (isolated ? ' (offline: unshare -n)' : ' (unshare -n unavailable: running directly)'));
    let report;
    try {
      report = scan(stage, isolated);
    } catch (error) {
      console.error(`electronegativity: ${error.message}`);
      return 1;
    }
    const { findings } = report;
    for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.file ? `${f.file}:${f.line}` : '(whole app)'}  ${f.description}`);
    const bySeverity = {};
    for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    const counts = Object.entries(bySeverity).map(([severity, n]) => `${n} ${severity}`).join(', ') || 'none';
    console.log(`electronegativity: ${report.checks} checks, ${findings.length} findings (${counts})`);

    const suppressed = suppressions(stage);
    for (const s of suppressed) console.log(`  suppressed at ${s.where}: ${s.checks.join(', ')}${s.justified ? '' : '  <- no justifying comment above'}`);
    const unjustified = suppressed.filter((s) => !s.justified);
    const high = findings.filter((f) => f.severity === 'HIGH');
    if (high.length > 0) console.error(`electronegativity: ${high.length} HIGH finding(s); fix them or, if the scanner is wrong, suppress with a justified eng-disable comment.`);
    if (unjustified.length > 0) console.error(`electronegativity: ${unjustified.length} eng-disable suppression(s) without a comment saying why.`);
    return high.length === 0 && unjustified.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
