/**
 * Every document kind from a real scored, decided and approved cycle, printed through `documents.print`
 * (in-process here: tests run from sources, see electron/core/jobs/backend.ts) and read back with
 * pdftotext. Totals: A 60/70 → 670.00 (site visit 700.00), B 70/65 → 665.00, D 40/50 → 470.00.
 */
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDownload } from '../../../electron/core/file-intake';
import type { JobView, PrintInput } from '../../../shared/api/results';
import { compact, pdfPages, pdfText, waitForPoppler } from '../../fixtures/pdf/poppler';
import { ok, office, refused, scoredFixture, waitForJob, type ScoredFixture } from './helpers';

let f: ScoredFixture;
const A = '甲·闽江精密机械股份有限公司';
const B = '乙·福州智能装备有限公司';
const D = '丁·长乐纺织科技有限公司';
const NARRATIVE = '公司高层领导每季度深入精密加工现场开展质量走访，带头践行“用数据说话”的理念。';

beforeAll(async () => {
  await waitForPoppler();
  f = await scoredFixture([
    { name: A, body: '91350100M000100A1', documentReview: 60, siteVisit: 70 },
    { name: B, body: '91350100M000100B2', documentReview: 70, siteVisit: 65 },
    { name: D, body: '91350100M000100D4', documentReview: 40, siteVisit: 50 },
  ]);
  const a = f.applicants[A]!;
  await ok(f.core.dispatch('applications.saveProfile', { applicantId: a, profile: '闽江精密成立于2008年，主要生产精密数控机床。' }, office));
  await ok(f.core.dispatch('applications.saveItem', { applicantId: a, itemId: '4.1.2', narrative: NARRATIVE, selfPercent: null }, office));
  const decide = (name: string, outcome: string) =>
    ok(f.core.dispatch('decisions.record', { applicantId: f.applicants[name], votes: { for: 9, against: 1, abstain: 1 }, outcome, meetingDate: '2026-12-01' }, office));
  await decide(A, 'award');
  await decide(B, 'nomination');
  await decide(D, 'notAwarded');
  await ok(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
}, 120_000);
afterAll(() => f.dispose());

function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

interface Printed {
  job: JobView;
  bytes: Buffer;
  /** PDFs by file name (one entry when the download is a single PDF). */
  files: Map<string, Buffer>;
}

async function print(input: Partial<PrintInput> & { kind: PrintInput['kind'] }): Promise<Printed> {
  const started = await ok<{ jobId: string }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, ...input }, office));
  const job = await waitForJob(f.core, started.jobId).done;
  expect(job.state).toBe('done');
  const file = findDownload(f.core.workspace.path, job.download!.downloadId)!;
  const bytes = readFileSync(file.path);
  const files = file.fileName.endsWith('.zip') ? await unzip(file.path) : new Map([[file.fileName, bytes]]);
  return { job, bytes, files };
}

const text = (pdf: Buffer) => compact(pdfText(pdf));
const only = (printed: Printed) => [...printed.files.values()][0]!;
const named = (printed: Printed, part: string) => [...printed.files].find(([name]) => name.includes(part))![1];

describe('documents from the workspace', () => {
  it('certificates: one per awarded applicant, numbered, with issuer, award and tier; or all in one', async () => {
    const printed = await print({ kind: 'certificates' });
    expect([...printed.files.keys()]).toEqual([`2026-FZ-001-${A}.pdf`, `2026-FZ-002-${B}.pdf`]);
    const first = text(named(printed, A));
    for (const expected of [A, '2026-FZ-001', '福州市人民政府', compact('2026年度福州市市长质量奖')]) expect(first).toContain(expected);
    expect(text(named(printed, B))).toContain('提名奖');
    const combined = await print({ kind: 'certificates', mode: 'combined' });
    expect(pdfPages(only(combined))).toHaveLength(2);
  });

  it('evaluation reports: the stage’s scores, the panel, the agreed strengths and opportunities', async () => {
    const printed = await print({ kind: 'reports' });
    expect(printed.files.size).toBe(3);
    const report = text(named(printed, A));
    for (const expected of [A, '700.00', '林专家', '王专家', compact('合议优势：siteVisit 高层领导以身作则'), compact('合议改进机会：siteVisit 结果指标需与标杆对比'), '现场评审']) {
      expect(report).toContain(expected);
    }
    const review = text(only(await print({ kind: 'reports', stage: 'documentReview', applicantIds: [f.applicants[A]!] })));
    expect(review).toContain('600.00');
    expect(review).toContain('资料评审');
  });

  it('feedback reports give bands, never points', async () => {
    const report = text(only(await print({ kind: 'feedback', applicantIds: [f.applicants[A]!] })));
    expect(report).toContain(A);
    expect(report).toContain('70–85%');
    expect(report).not.toContain('700.00');
    expect(report).not.toContain('56.00');
  });

  it('dossiers: profile, self-assessment, every stage, the committee’s decision and the certificate', async () => {
    const printed = await print({ kind: 'dossiers' });
    expect(printed.files.size).toBe(3);
    const dossier = text(named(printed, A));
    for (const expected of [A, compact(NARRATIVE), '资料评审', '现场评审', '600.00', '700.00', '2026-FZ-001', '福州市人民政府']) expect(dossier).toContain(expected);
    expect(text(named(printed, D))).toContain(D);
    // The cover names the credit code as such: workspaces have no application numbers to show.
    const cover = compact(pdfText(named(printed, A), { first: 1, last: 1 }));
    expect(cover).toContain('统一社会信用代码91350100M000100A1');
    expect(cover).not.toContain('申报编号');
  });

  it('the ranking sheet, score sheets (filled and blank) and the public notice', async () => {
    const ranking = text(only(await print({ kind: 'ranking' })));
    for (const expected of [A, B, D, '670.00', '665.00', '470.00', '大奖', '提名奖']) expect(ranking).toContain(expected);

    const sheets = await print({ kind: 'scoreSheets', applicantIds: [f.applicants[A]!] });
    const filled = text(only(sheets));
    for (const expected of [A, '林专家', '王专家', '600.00', '700.00']) expect(filled).toContain(expected);
    const blank = text(only(await print({ kind: 'scoreSheets', applicantIds: [f.applicants[A]!], blank: true })));
    expect(blank).toContain('林专家');
    expect(blank).not.toContain('600.00');

    const notice = text(only(await print({ kind: 'publicNotice' })));
    for (const expected of [A, B, '大奖', '提名奖']) expect(notice).toContain(expected);
    expect(notice).not.toContain(D);
  });

  it('prints in English and traditional Chinese', async () => {
    const en = pdfText(only(await print({ kind: 'reports', language: 'en', applicantIds: [f.applicants[A]!] })));
    expect(en).toContain('Role of Senior Leaders');
    expect(en).toContain('Site visit');
    const tw = text(only(await print({ kind: 'feedback', language: 'zh-TW', applicantIds: [f.applicants[A]!] })));
    expect(tw).toContain('高層領導的作用');
  });

  it('identical data gives byte-identical files', async () => {
    const first = await print({ kind: 'reports' });
    const second = await print({ kind: 'reports' });
    expect(first.job.download!.downloadId).not.toBe(second.job.download!.downloadId);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    for (const [name, pdf] of first.files) expect(second.files.get(name)!.equals(pdf)).toBe(true);
    const certificates = await print({ kind: 'certificates', mode: 'combined' });
    expect(only(await print({ kind: 'certificates', mode: 'combined' })).equals(only(certificates))).toBe(true);
  });
});

describe('the print job', () => {
  it('reports progress file by file and ends with its download', async () => {
    const started = await ok<{ jobId: string; total: number }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'dossiers' }, office));
    expect(started.total).toBe(3);
    const watch = waitForJob(f.core, started.jobId);
    const job = await watch.done;
    expect(watch.events.map((e) => [e.done, e.total, e.state])).toEqual([
      [1, 3, 'running'],
      [2, 3, 'running'],
      [3, 3, 'running'],
      [3, 3, 'done'],
    ]);
    expect(job).toMatchObject({ kind: 'documents.print', state: 'done', done: 3, total: 3, files: expect.arrayContaining([expect.stringContaining(A)]) });
    expect(job.download!.fileName).toMatch(/\.zip$/);
  });

  it('can be cancelled: it stops between files and removes what it wrote', async () => {
    const started = await ok<{ jobId: string }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'dossiers' }, office));
    const watch = waitForJob(f.core, started.jobId);
    const off = f.core.on('jobs.progress', (event) => {
      if (event.jobId === started.jobId && event.done === 1) void f.core.dispatch('jobs.cancel', { jobId: started.jobId }, office);
    });
    const job = await watch.done;
    off();
    expect(job.state).toBe('cancelled');
    expect(job.done).toBeLessThan(3);
    expect(job.download).toBeNull();
    expect(watch.events.at(-1)!.state).toBe('cancelled');
    expect(await ok(f.core.dispatch('jobs.cancel', { jobId: started.jobId }, office))).toEqual({ cancelled: false });
    const listed = await ok<JobView[]>(f.core.dispatch('jobs.list', {}, office));
    expect(listed.find((j) => j.jobId === started.jobId)?.state).toBe('cancelled');
  });

  it('refuses what cannot be printed before the job starts', async () => {
    expect(await refused(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'dossiers', mode: 'combined' }, office))).toMatchObject({ key: 'results.print.combinedUnsupported' });
    expect(await refused(f.core.dispatch('jobs.get', { jobId: 'nope' }, office))).toMatchObject({ code: 'notFound', key: 'results.jobs.unknown' });
  });
});

describe('Excel exports', () => {
  async function workbook(kind: string): Promise<ExcelJS.Workbook> {
    const download = await ok<{ downloadId: string; fileName: string }>(f.core.dispatch('results.exportXlsx', { cycleId: f.cycleId, kind }, office));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(findDownload(f.core.workspace.path, download.downloadId)!.path);
    return book;
  }
  const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));

  it('the ranking with per-item scores', async () => {
    const rows = values((await workbook('ranking')).worksheets[0]!);
    expect(rows[0]!.slice(0, 2)).toEqual(['名次', '组织名称']);
    expect(rows[0]).toContain('4.7.2 产品和服务结果（80）');
    const a = rows.find((r) => r[1] === A)!;
    expect(a.slice(0, 2)).toEqual([1, A]);
    expect(a).toContain(670);
    expect(a).toContain('2026-FZ-001');
    // 4.7.2 weighs 80 points: 80 × 67 % = 53.60.
    expect(a[rows[0]!.indexOf('4.7.2 产品和服务结果（80）')]).toBe(53.6);
  });

  it('the expert × item matrix, the comments and the public notice', async () => {
    const matrix = values((await workbook('matrix')).worksheets[0]!);
    expect(matrix.filter((r) => r[0] === A).map((r) => r[2])).toEqual(['林专家', '王专家', '评审组合议', '林专家', '王专家', '评审组合议']);
    const comments = values((await workbook('comments')).worksheets[0]!);
    expect(comments.some((r) => r[0] === A && r[3] === '评审组合议' && r[5] === '合议优势：siteVisit 高层领导以身作则')).toBe(true);
    expect(comments.some((r) => r[0] === A && r[3] === '林专家' && String(r[5]).startsWith('documentReview：高层领导重视质量'))).toBe(true);
    const notice = values((await workbook('publicNotice')).worksheets[0]!);
    expect(notice.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, A, '大奖'],
      [2, B, '提名奖'],
    ]);
  });
});

describe('after reopening', () => {
  it('certificates wait for approval again', async () => {
    await ok(f.core.dispatch('results.reopen', { cycleId: f.cycleId, reason: '复核' }, office));
    expect(await refused(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'certificates' }, office))).toMatchObject({ code: 'refused', key: 'results.print.notApproved' });
  });
});
