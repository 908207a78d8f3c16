#!/usr/bin/env node
// Runs Doyensec's Electronegativity scanner over the app's sources (electron/, renderer/, shared/) and fails
// on any HIGH finding, on a scan that produced no report, and on an `eng-disable` suppression without a
// comment above it saying why. Part of `npm test` as `npm run security`.
//
// The scanner fetches translations and Electron's release list from the internet before it scans; neither
// is needed (the Electron version is passed with -e), so where the machine allows it the scan runs in a
// private network namespace (`unshare -n`) and makes no outbound connection at all.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_VERSION = '41.7.1';
// One input folder per scan; a staged copy of the three source trees lets the global checks (navigation
// limits, permission handler) see main, preload and renderer together, and keeps out/, tests/ and bench/ out.
const SOURCE_TREES = ['electron', 'renderer', 'shared'];
const scanner = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
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

const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);

function main() {
  const work = mkdtempSync(join(tmpdir(), 'award-desk-electronegativity-'));
  try {
    const stage = join(work, 'app');
    for (const tree of SOURCE_TREES) cpSync(join(root, tree), join(stage, tree), { recursive: true });
    const output = join(work, 'findings.csv');
    const args = [scanner, '-i', stage, '-e', ELECTRON_VERSION, '-o', output, '-r'];
    const isolated = process.platform === 'linux' && unshareWorks();
    console.log(`electronegativity: scanning ${SOURCE_TREES.join(', ')} for Electron ${ELECTRON_VERSION}` + (isolated ? ' (offline: unshare -n)' : ' (unshare -n unavailable: running directly)'));
    const run = isolated
      ? spawnSync('unshare', ['-n', process.execPath, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0 || !existsSync(output)) {
      console.error(`electronegativity: the scan produced no report (exit ${run.status}).\n${run.stdout ?? ''}${run.stderr ?? ''}`);
      return 1;
    }
    const [header, ...rows] = parseCsv(readFileSync(output, 'utf8'));
    if (!header || header[0]?.trim() !== 'issue') {
      console.error('electronegativity: the report has no header row; refusing to call that a pass.');
      return 1;
    }
    // Blank lines carry nothing; a row with too few fields means the report could not be read, which is no pass.
    const filled = rows.filter((row) => row.some((field) => field.trim() !== ''));
    const broken = filled.filter((row) => row.length < 7 || !SEVERITIES.has(row[1].trim()));
    if (broken.length > 0) {
      console.error(`electronegativity: ${broken.length} report row(s) could not be read; refusing to call that a pass:\n${broken.map((row) => `  ${JSON.stringify(row)}`).join('\n')}`);
      return 1;
    }
    const findings = filled.map(([issue, severity, confidence, file, location, , description]) => ({ issue: issue.trim(), severity: severity.trim(), confidence: confidence.trim(), file, location, description }));
    for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.location}`}  ${f.description}`);
    const bySeverity = {};
    for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    const counts = Object.entries(bySeverity).map(([severity, n]) => `${n} ${severity}`).join(', ') || 'none';
    console.log(`electronegativity: ${findings.length} findings (${counts})`);

    const suppressed = suppressions(stage);
    for (const s of suppressed) console.log(`  suppressed at ${s.where}: ${s.checks.join(', ')}${s.justified ? '' : '  <- no justifying comment above'}`);
    const unjustified = suppressed.filter((s) => !s.justified);
    const high = findings.filter((f) => f.severity.toUpperCase() === 'HIGH');
    if (high.length > 0) console.error(`electronegativity: ${high.length} HIGH finding(s); fix them or, if the scanner is wrong, suppress with a justified eng-disable comment.`);
    if (unjustified.length > 0) console.error(`electronegativity: ${unjustified.length} eng-disable suppression(s) without a comment saying why.`);
    return high.length === 0 && unjustified.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
