/**
 * The demo workspace, built by `award-desk demo` and by the `demo.create` channel, and the CLI's print and
 * export commands on it. The CLI runs from its bundle (out/cli.cjs, built by the global setup), so its
 * print goes through the real worker thread (out/print-worker.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { Ranking } from '../../../shared/api/results';
import type { WorkspaceSummary } from '../../../shared/api/workspaces';
import { compact, pdfPages, pdfText, waitForPoppler } from '../../fixtures/pdf/poppler';
import { outlineEntries, outlineRoot } from '../../fixtures/pdf/pdf-structure';
import { sealPng } from '../../fixtures/pdf/seal-png';
import { office, openTestCore, tempDir } from '../../helpers/workspace';
import { ok } from './helpers';

const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000 });

const temp = tempDir('award-desk-demo-');
const demoFile = join(temp.dir, 'demo.sqlite');
let core: Core;
let ranking: Ranking;

beforeAll(async () => {
  await waitForPoppler();
  const built = run('demo', '--workspace', demoFile);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  expect(built.stdout).toContain('12 applicants, 9 experts');
  core = openTestCore(temp.dir, { file: 'demo.sqlite' });
  const cycles = await ok<{ id: string }[]>(core.dispatch('cycles.list', {}, office));
  ranking = await ok<Ranking>(core.dispatch('results.ranking', { cycleId: cycles[0]!.id }, office));
}, 180_000);
afterAll(() => {
  core.close();
  temp.dispose();
});

describe('award-desk demo', () => {
  it('builds a complete, approved cycle that verifies', () => {
    const verified = run('verify', '--workspace', demoFile);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Audit log hash chain: ok/);
    expect(ranking).toMatchObject({ status: 'approved', applicantCount: 12, rankedCount: 12, method: 'consensus' });
    expect(ranking.stages).toEqual([
      { stage: 'documentReview', weightPercent: 30 },
      { stage: 'siteVisit', weightPercent: 70 },
    ]);
    // Every tier is filled, some applicants fall below, and the award's quota of 3 holds.
    const tiers = ranking.rows.map((r) => r.tierId);
    expect(tiers.filter((t) => t === 'award')).toHaveLength(3);
    expect(tiers).toContain('nomination');
    expect(tiers).toContain('encouragement');
    expect(tiers).toContain(null);
    expect(ranking.rows.every((r) => r.decision !== null && r.stability !== null)).toBe(true);
    expect(ranking.rows.filter((r) => r.certificateNo).map((r) => r.certificateNo)).toEqual(
      ranking.rows.filter((r) => r.decision!.outcome !== 'notAwarded').map((_, i) => `2026-BHZLJ-${String(i + 1).padStart(3, '0')}`),
    );
    expect(ranking.rows.some((r) => r.disagreement.flaggedItems > 0)).toBe(true);
    expect(new Set(ranking.rows.map((r) => r.section)).size).toBeGreaterThanOrEqual(6);
  });

  it('fills every screen: full self-assessments, three panels per stage, consensus, themes and decisions', async () => {
    const applicantId = ranking.rows[0]!.applicantId;
    const application = await ok<{ profile: string; items: { narrative: string }[]; completeness: unknown[] }>(core.dispatch('applications.get', { applicantId }, office));
    expect(application.items).toHaveLength(23);
    expect(application.completeness).toEqual([]);
    expect(application.items.every((i) => i.narrative.length > 80)).toBe(true);
    const panels = await ok<{ stage: string; members: unknown[] }[]>(core.dispatch('panels.list', { cycleId: ranking.cycleId }, office));
    expect(panels.map((p) => [p.stage, p.members.length])).toEqual(expect.arrayContaining([['documentReview', 3], ['siteVisit', 3]]));
    expect(panels).toHaveLength(6);
    for (const stage of ['documentReview', 'siteVisit']) {
      const view = await ok<{ total: { total: { text: string } | null }; themes: { themes: string[] } | null; items: { consensus: { strengths: unknown[] } | null }[] }>(
        core.dispatch('consensus.get', { viewer: { kind: 'office' }, stage, applicantId }, office),
      );
      expect(view.total.total).not.toBeNull();
      expect(view.themes!.themes.length).toBe(3);
      expect(view.items.every((i) => i.consensus && i.consensus.strengths.length > 0)).toBe(true);
    }
    const severity = await ok<{ experts: unknown[] }>(core.dispatch('results.severity', { cycleId: ranking.cycleId }, office));
    expect(severity.experts).toHaveLength(9);
  });

  it('is the same demo for the same seed (ids aside)', async () => {
    const again = join(temp.dir, 'again.sqlite');
    expect(run('demo', '--workspace', again).status).toBe(0);
    const other = openTestCore(temp.dir, { file: 'again.sqlite' });
    try {
      const cycles = await ok<{ id: string }[]>(other.dispatch('cycles.list', {}, office));
      const second = await ok<Ranking>(other.dispatch('results.ranking', { cycleId: cycles[0]!.id }, office));
      expect(second.rows.map((r) => [r.legalName, r.combined?.text, r.certificateNo])).toEqual(ranking.rows.map((r) => [r.legalName, r.combined?.text, r.certificateNo]));
    } finally {
      other.close();
    }
    expect(run('demo', '--workspace', again).status).toBe(1);
  });
});

describe('award-desk print and export ranking', () => {
  it('prints one certificate per awarded applicant into the folder, through the print worker', () => {
    const out = join(temp.dir, 'certificates');
    const printed = run('print', 'certificates', '--workspace', demoFile, '--out', out);
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const awarded = ranking.rows.filter((r) => r.certificateNo);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(awarded.length);
    expect(printed.stdout).toContain(`${awarded.length} files written`);
    const first = awarded[0]!;
    const text = compact(pdfText(readFileSync(join(out, `${first.certificateNo}-${first.legalName}.pdf`))));
    expect(text).toContain(first.certificateNo);
    expect(text).toContain(compact(first.legalName));
    expect(text).toContain('滨海市人民政府');
    // The size the issue asks for: fonts embedded as subsets, one page each.
    for (const file of files) expect(statSync(join(out, file)).size).toBeLessThanOrEqual(20 * 1024);
  });

  it('stamps the office seal given with --seal, and refuses a seal that is not a PNG', () => {
    const sealFile = join(temp.dir, 'seal.png');
    writeFileSync(sealFile, sealPng());
    const out = join(temp.dir, 'sealed');
    const printed = run('print', 'certificates', '--workspace', demoFile, '--out', out, '--seal', sealFile);
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const files = readdirSync(out).map((f) => join(out, f));
    expect(files).toHaveLength(ranking.rows.filter((r) => r.certificateNo).length);
    for (const file of files) {
      expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\bimage\b.*\n.*\bsmask\b/);
    }

    const notPng = join(temp.dir, 'seal.jpg');
    writeFileSync(notPng, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    const refused = run('print', 'certificates', '--workspace', demoFile, '--out', join(temp.dir, 'not-sealed'), '--seal', notPng);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not a PNG file');
    expect(existsSync(join(temp.dir, 'not-sealed'))).toBe(false);

    // A PNG cut short gets the same check as an upload in the app.
    const cut = join(temp.dir, 'cut.png');
    writeFileSync(cut, sealPng().subarray(0, 200));
    const refusedCut = run('print', 'certificates', '--workspace', demoFile, '--out', join(temp.dir, 'cut-sealed'), '--seal', cut);
    expect(refusedCut.status).toBe(1);
    expect(refusedCut.stderr).toContain('The seal image is damaged or not a valid PNG file');
    expect(existsSync(join(temp.dir, 'cut-sealed'))).toBe(false);
  });

  it('prints the ranking and reports in the language asked for, and says why it cannot combine dossiers', () => {
    const out = join(temp.dir, 'ranking');
    expect(run('print', 'ranking', '--workspace', demoFile, '--out', out, '--lang', 'zh-CN').status).toBe(0);
    const [file] = readdirSync(out);
    const text = compact(pdfText(readFileSync(join(out, file!))));
    for (const row of ranking.rows.slice(0, 3)) {
      expect(text).toContain(compact(row.legalName));
      expect(text).toContain(row.combined!.text);
    }
    const refused = run('print', 'dossiers', '--workspace', demoFile, '--out', join(temp.dir, 'combined'), '--combined');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot be combined');
    expect(existsSync(join(temp.dir, 'combined'))).toBe(false);
  });

  it('combines all reports into one file, each with its cover, own page numbers and a bookmark', () => {
    const out = join(temp.dir, 'reports-combined');
    const printed = run('print', 'reports', '--workspace', demoFile, '--out', out, '--combined');
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    const pdf = readFileSync(join(out, files[0]!));
    const pages = pdfPages(pdf).map(compact);
    const covers = pages.filter((page) => page.includes('Internal·Confidential'));
    expect(covers).toHaveLength(ranking.rows.length);
    for (const row of ranking.rows) expect(covers.some((cover) => cover.includes(compact(row.legalName)))).toBe(true);
    // Each report counts its own pages: "Page 1 of N" once per report.
    expect(pages.filter((page) => /Page1of\d+/.test(page))).toHaveLength(ranking.rows.length);
    const outline = outlineEntries(pdf).filter((entry) => entry.parent === outlineRoot(pdf));
    expect(outline.map((entry) => entry.title).sort()).toEqual(ranking.rows.map((row) => row.legalName).sort());
    expect(new Set(outline.map((entry) => entry.page)).size).toBe(ranking.rows.length);
  });

  it('exports the ranking as a workbook', async () => {
    const out = join(temp.dir, 'ranking.xlsx');
    const exported = run('export', 'ranking', '--workspace', demoFile, '--out', out);
    expect(exported.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const names = book.worksheets[0]!.getColumn(2).values.slice(2);
    expect(names).toEqual(ranking.rows.map((r) => r.legalName));
  });
});

describe('demo.create', () => {
  it('builds the demo in a new office workspace and switches to it', async () => {
    const home = tempDir('award-desk-demo-hub-');
    const first = openTestCore(home.dir);
    try {
      const before = await ok<WorkspaceSummary>(first.dispatch('workspaces.current', {}, office));
      const created = await ok<WorkspaceSummary>(first.dispatch('demo.create', {}, office));
      expect(created).toMatchObject({ role: 'office', title: '滨海市市长质量奖（演示）', current: true });
      expect(created.id).not.toBe(before.id);
      const recent = await ok<WorkspaceSummary[]>(first.dispatch('workspaces.recent', {}, office));
      expect(recent.map((w) => w.id)).toEqual(expect.arrayContaining([before.id, created.id]));
      const cycles = await ok<{ id: string; status: string }[]>(first.dispatch('cycles.list', {}, office));
      expect(cycles.map((c) => c.status)).toEqual(['approved']);
      const shown = await ok<Ranking>(first.dispatch('results.ranking', { cycleId: cycles[0]!.id }, office));
      expect(shown.rows.map((r) => r.combined?.text)).toEqual(ranking.rows.map((r) => r.combined?.text));
    } finally {
      first.close();
      home.dispose();
    }
  });
});
