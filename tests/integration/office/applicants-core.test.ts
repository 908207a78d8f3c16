import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import samples from '../../fixtures/applicants/sample-applicants.json';
import type { Core } from '../../../electron/core';
import type { Envelope } from '../../../shared/api/contract';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

const temp = tempDir();
let core: Core;
let cycleId: string;
afterAll(() => {
  core.close();
  temp.dispose();
});

async function ok<T>(promise: Promise<Envelope>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const record = (index: number, patch: Record<string, unknown> = {}) => ({ ...structuredClone(samples[index]!), ...patch });

beforeAll(async () => {
  core = openTestCore(temp.dir);
  cycleId = (await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2026 }, office))).id;
});

describe('applicants on a real workspace', () => {
  it('refuses a wrong credit code at the boundary, naming the expected check character', async () => {
    const result = await core.dispatch('applicants.create', { cycleId, record: record(0, { creditCode: '91350100M000100Y44' }) }, office);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields).toContainEqual(expect.objectContaining({ path: 'record.creditCode', key: 'applicants.creditCode.checksum', params: expect.objectContaining({ expected: '3' }) }));
  });

  it('creates an applicant, refuses its credit code twice in one cycle, and audits the change', async () => {
    const created = await ok<{ id: string; status: string }>(core.dispatch('applicants.create', { cycleId, record: record(0) }, office));
    expect(created.status).toBe('draft');
    const again = await core.dispatch('applicants.create', { cycleId, record: record(0, { legalName: '另一家公司' }) }, office);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', key: 'applicants.error.duplicateCreditCode' } });
    const actions = core.db.prepare(`SELECT action FROM audit_log WHERE entity_id = ?`).all(created.id);
    expect(actions).toEqual([{ action: 'applicant.create' }]);
  });

  it('checks eligibility rule by rule with reasons, and records the office decision', async () => {
    const young = await ok<{ id: string }>(core.dispatch('applicants.create', { cycleId, record: record(1, { registrationDate: '2025-01-01' }) }, office));
    const check = await ok<{ eligible: boolean; results: { rule: string; passed: boolean; reason: { key: string; params?: Record<string, unknown> } }[] }>(
      core.dispatch('applicants.checkEligibility', { applicantId: young.id }, office),
    );
    expect(check.eligible).toBe(false);
    const failed = check.results.filter((r) => !r.passed);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ rule: 'registeredYears', reason: { key: expect.stringMatching(/^applicants\./) } });

    await ok(core.dispatch('applicants.transition', { applicantId: young.id, to: 'submitted' }, office));
    const decided = await ok<{ status: string; eligibility: { decision: string; note: string } }>(
      core.dispatch('applicants.decideEligibility', { applicantId: young.id, decision: 'ineligible', note: '注册未满3年' }, office),
    );
    expect(decided).toMatchObject({ status: 'ineligible', eligibility: { decision: 'ineligible', note: '注册未满3年' } });
    const refused = await core.dispatch('applicants.transition', { applicantId: young.id, to: 'documentReview' }, office);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('lists with search and filters', async () => {
    const all = await ok<{ legalName: string }[]>(core.dispatch('applicants.list', { cycleId }, office));
    expect(all).toHaveLength(2);
    const found = await ok<{ legalName: string }[]>(core.dispatch('applicants.list', { cycleId, search: '闽江' }, office));
    expect(found.map((a) => a.legalName)).toEqual([samples[0]!.legalName]);
    const none = await ok<unknown[]>(core.dispatch('applicants.list', { cycleId, search: '%' }, office));
    expect(none).toEqual([]);
    const ineligible = await ok<unknown[]>(core.dispatch('applicants.list', { cycleId, status: 'ineligible' }, office));
    expect(ineligible).toHaveLength(1);
  });
});

describe('applications and attachments', () => {
  it('autosaves profile and items and reports completeness against the framework', async () => {
    const [first] = await ok<{ id: string }[]>(core.dispatch('applicants.list', { cycleId, search: '闽江' }, office));
    await ok(core.dispatch('applications.saveProfile', { applicantId: first!.id, profile: '组织概述：公司成立于2008年。' }, office));
    await ok(core.dispatch('applications.saveItem', { applicantId: first!.id, itemId: '4.1.2', narrative: '高层领导确定使命、愿景和价值观。', selfPercent: 55 }, office));
    await ok(core.dispatch('applications.saveItem', { applicantId: first!.id, itemId: '4.2.2', narrative: '战略制定过程。', selfPercent: null }, office));
    const view = await ok<{ completeness: { kind: string }[]; counts: { total: number } }>(core.dispatch('applications.get', { applicantId: first!.id }, office));
    expect(view.completeness.filter((issue) => issue.kind === 'missingNarrative')).toHaveLength(21);
    expect(view.completeness.some((issue) => issue.kind === 'missingProfile')).toBe(false);
    expect(view.counts.total).toBe('组织概述：公司成立于2008年。'.length + '高层领导确定使命、愿景和价值观。'.length + '战略制定过程。'.length);

    const badStep = await core.dispatch('applications.saveItem', { applicantId: first!.id, itemId: '4.1.2', narrative: 'x', selfPercent: 52 }, office);
    expect(badStep).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ path: 'selfPercent' })] } });
    const unknownItem = await core.dispatch('applications.saveItem', { applicantId: first!.id, itemId: '9.9.9', narrative: 'x', selfPercent: null }, office);
    expect(unknownItem).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ path: 'itemId' })] } });
  });

  it('stores attachments content-addressed, deduplicated, and refuses executables', async () => {
    const [first] = await ok<{ id: string }[]>(core.dispatch('applicants.list', { cycleId, search: '闽江' }, office));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
    const a = await ok<{ attachment: { sha256: string; id: string }; deduplicated: boolean }>(
      core.dispatch('attachments.add', { applicantId: first!.id, itemId: '4.1.2', fileName: '质量手册.pdf', contentBase64: pdf }, office),
    );
    const b = await ok<{ attachment: { sha256: string }; deduplicated: boolean }>(
      core.dispatch('attachments.add', { applicantId: first!.id, itemId: '4.2.2', fileName: '副本.pdf', contentBase64: pdf }, office),
    );
    expect(a.deduplicated).toBe(false);
    expect(b.deduplicated).toBe(true);
    expect(b.attachment.sha256).toBe(a.attachment.sha256);
    const filesDir = core.workspace.filesDir;
    const stored = readdirSync(join(filesDir, a.attachment.sha256.slice(0, 2)));
    expect(stored).toEqual([a.attachment.sha256]);
    expect(statSync(join(filesDir, a.attachment.sha256.slice(0, 2), a.attachment.sha256)).size).toBe(Buffer.from(pdf, 'base64').length);
    const content = await ok<{ contentBase64: string; mediaType: string }>(core.dispatch('attachments.content', { attachmentId: a.attachment.id }, office));
    expect(content).toMatchObject({ contentBase64: pdf, mediaType: 'application/pdf' });

    const exe = await core.dispatch('attachments.add', { applicantId: first!.id, itemId: null, fileName: 'setup.exe', contentBase64: pdf }, office);
    expect(exe).toMatchObject({ ok: false, error: { key: 'applicants.attachment.type' } });
  });
});

describe('Excel import and export', () => {
  it('exports the cycle and refuses a re-import of registered codes, naming the row', async () => {
    const exported = await ok<{ contentBase64: string; fileName: string }>(core.dispatch('applicants.exportXlsx', { cycleId }, office));
    expect(exported.fileName).toMatch(/\.xlsx$/);
    const result = await ok<{ ok: boolean; errors?: { row: number; column: string; key: string }[] }>(
      core.dispatch('applicants.importXlsx', { cycleId, fileName: 'again.xlsx', contentBase64: exported.contentBase64 }, office),
    );
    expect(result.ok).toBe(false);
    expect(result.errors?.[0]).toMatchObject({ row: 2, key: 'applicants.import.alreadyRegistered' });
    expect(await ok<unknown[]>(core.dispatch('applicants.list', { cycleId }, office))).toHaveLength(2);
  });

  it('imports nothing when one row of several is bad, and names its row and column', async () => {
    // Start from the app's own export, so the sheet layout is exactly what users edit.
    const exported = await ok<{ contentBase64: string }>(core.dispatch('applicants.exportXlsx', { cycleId }, office));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const codeColumn = headers.findIndex((h) => /信用代码|credit code/i.test(h));
    const nameColumn = headers.findIndex((h) => /名称|name/i.test(h));
    expect(codeColumn).toBeGreaterThan(0);
    sheet.getRow(2).getCell(codeColumn).value = samples[2]!.creditCode; // a new, valid code
    sheet.getRow(2).getCell(nameColumn).value = '新导入的有限公司';
    sheet.getRow(3).getCell(codeColumn).value = '91110000802100433X'; // wrong check character
    const contentBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const before = (core.db.prepare('SELECT count(*) AS n FROM applicants').get() as { n: number }).n;

    const result = await ok<{ ok: boolean; errors?: { row: number; column: string; key: string }[] }>(
      core.dispatch('applicants.importXlsx', { cycleId, fileName: 'mixed.xlsx', contentBase64 }, office),
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ sheet: '申报单位', row: 3, column: '统一社会信用代码', key: 'applicants.creditCode.checksum', params: { expected: 'B', actual: 'X' } }),
    );
    expect((core.db.prepare('SELECT count(*) AS n FROM applicants').get() as { n: number }).n).toBe(before);
  });
});

describe('frameworks freeze once scores exist', () => {
  it('lets the office change a cycle framework only before any expert score', async () => {
    const frameworks = await ok<{ id: string; code: string; itemCount: number; total: number }[]>(core.dispatch('frameworks.list', {}, office));
    expect(frameworks[0]).toMatchObject({ code: 'GB/T 19580', itemCount: 23, total: 1000 });
    const baldrige = frameworks.find((f) => f.code !== 'GB/T 19580')!;
    const changed = await ok<{ frameworkId: string }>(core.dispatch('cycles.setFramework', { cycleId, frameworkId: baldrige.id }, office));
    expect(changed.frameworkId).toBe(baldrige.id);
    await ok(core.dispatch('cycles.setFramework', { cycleId, frameworkId: frameworks[0]!.id }, office));

    const [applicant] = await ok<{ id: string }[]>(core.dispatch('applicants.list', { cycleId }, office));
    core.db.prepare(`INSERT INTO experts (id, name, organisation, record, created_at, updated_at) VALUES ('e1', '专家甲', '某大学', '{}', 'x', 'x')`).run();
    core.db.prepare(`INSERT INTO scores VALUES (?, 'documentReview', ?, 'e1', '4.1.2', 55, 'e1', 'x')`).run(cycleId, applicant!.id);
    const cycle = await ok<{ frameworkFrozen: boolean }>(core.dispatch('cycles.get', { cycleId }, office));
    expect(cycle.frameworkFrozen).toBe(true);
    const refused = await core.dispatch('cycles.setFramework', { cycleId, frameworkId: baldrige.id }, office);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'errors.cycles.frameworkFrozen' } });
  });
});

describe('workspaces', () => {
  it('creates an enterprise workspace in one call, switches to it and back', async () => {
    const office0 = await ok<{ id: string; role: string }>(core.dispatch('workspaces.current', {}, office));
    const enterprise = await ok<{ id: string; role: string; title: string }>(
      core.dispatch('workspaces.createEnterprise', { organisationName: '厦门海鹭食品有限公司', cycleName: '2026年度市长质量奖', year: 2026 }, office),
    );
    expect(enterprise).toMatchObject({ role: 'enterprise', title: '厦门海鹭食品有限公司' });
    const cycles = await ok<{ id: string }[]>(core.dispatch('cycles.list', {}, office));
    expect(cycles).toHaveLength(1);
    const own = await ok<{ id: string; legalName: string }[]>(core.dispatch('applicants.list', { cycleId: cycles[0]!.id }, office));
    expect(own).toMatchObject([{ legalName: '厦门海鹭食品有限公司' }]);
    const detail = await ok<{ record: unknown }>(core.dispatch('applicants.get', { applicantId: own[0]!.id }, office));
    expect(detail.record).toBeNull();

    const recent = await ok<{ id: string; current: boolean }[]>(core.dispatch('workspaces.recent', {}, office));
    expect(recent.map((r) => r.id)).toEqual([enterprise.id, office0.id]);
    const back = await ok<{ id: string; role: string }>(core.dispatch('workspaces.switch', { workspaceId: office0.id }, office));
    expect(back).toMatchObject({ id: office0.id, role: 'office' });
    const unknown = await core.dispatch('workspaces.switch', { workspaceId: 'not-a-workspace' }, office);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});
