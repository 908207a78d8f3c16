import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { verifyAuditChain } from '../../../electron/core';
import { addApplicant, addExpert, auditActions, creditCode, ok, office, openFixture, refused, type Fixture } from './helpers';

let f: Fixture;
const ids: Record<string, string> = {};
beforeAll(async () => {
  f = await openFixture();
  ids.minjiang = await addApplicant(f, '福建闽江精密机械股份有限公司', '91350100M000100Y4');
  ids.changcheng = await addApplicant(f, '北京长城电子信息有限公司', '91110000802100433', 'I', '65');
  ids.haixia = await addApplicant(f, '海峡集团厦门食品有限公司', '91350200MA2Y0000K', 'C', '14');
});
afterAll(() => f.dispose());

type ConflictOut = { id: string; expertId: string; applicantId: string; rule: string | null; status: string; kind: string; from: string | null; to: string | null; evidence: { key: string } | null };

describe('expert registry', () => {
  it('creates, reads, updates and lists experts with their full record', async () => {
    const created = await ok<{ id: string; record: Record<string, unknown>; hasPin: boolean }>(
      f.core.dispatch(
        'experts.create',
        {
          record: {
            name: '林建国',
            organisation: '福州大学',
            title: '教授',
            qualificationNumber: 'ZLJ-2024-017',
            specialties: ['C', 'M'],
            contact: { phone: '0591-87654321', email: 'lin@fzu.edu.cn' },
            availability: { documentReview: true, presentation: false, siteVisit: true },
            formerEmployers: [{ name: '福建电机厂', fromYear: 1998, toYear: 2006 }],
            groupName: '',
          },
        },
        office,
      ),
    );
    expect(created.hasPin).toBe(false);
    expect(created.record).toMatchObject({ title: '教授', organisationCreditCode: null, specialties: ['C', 'M'] });
    const updated = await ok<{ record: { title: string }; updatedAt: string }>(
      f.core.dispatch('experts.update', { expertId: created.id, record: { ...created.record, title: '研究员' } }, office),
    );
    expect(updated.record.title).toBe('研究员');
    const available = await ok<{ id: string }[]>(f.core.dispatch('experts.list', { availableFor: 'presentation' }, office));
    expect(available.map((e) => e.id)).not.toContain(created.id);
    const bySpecialty = await ok<{ id: string }[]>(f.core.dispatch('experts.list', { specialty: 'M', search: '林' }, office));
    expect(bySpecialty.map((e) => e.id)).toEqual([created.id]);
    expect(auditActions(f.core, created.id).map((a) => a.action)).toEqual(['expert.create', 'expert.update']);
  });

  it('refuses a bad specialty and a bad organisation credit code at the boundary', async () => {
    const error = await refused(f.core.dispatch('experts.create', { record: { name: '王', organisation: '某单位', specialties: ['Z'], organisationCreditCode: '91350100M000100Y44' } }, office));
    expect(error.code).toBe('validation');
    expect(error.fields?.map((e) => e.path).sort()).toEqual(['record.organisationCreditCode', 'record.specialties.0']);
  });

  it('exports the register to Excel and imports all rows or none, naming sheet, row and column', async () => {
    const exported = await ok<{ contentBase64: string; fileName: string }>(f.core.dispatch('experts.exportXlsx', {}, office));
    expect(exported.fileName).toMatch(/\.xlsx$/);
    const again = await ok<{ ok: boolean; errors?: { sheet: string; row: number; column: string; key: string }[] }>(
      f.core.dispatch('experts.importXlsx', { fileName: 'again.xlsx', contentBase64: exported.contentBase64 }, office),
    );
    expect(again.ok).toBe(false);
    expect(again.errors?.[0]).toMatchObject({ sheet: '评审专家', row: 2, column: '姓名', key: 'panels.import.alreadyRegistered' });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    sheet.getRow(2).getCell(col('姓名')).value = '陈晓梅';
    sheet.getRow(2).getCell(col('评审员资格证号')).value = 'ZLJ-2024-101';
    sheet.getRow(2).getCell(col('曾任职单位')).value = '北京长城电子信息有限公司（2010-2015）；厦门某厂';
    sheet.addRow([]);
    const bad = sheet.getRow(3);
    bad.getCell(col('姓名')).value = '赵六';
    bad.getCell(col('工作单位')).value = '某研究院';
    bad.getCell(col('专业领域（行业门类）')).value = 'C, X';
    bad.getCell(col('可参加现场评审')).value = '也许';
    const contentBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const before = (f.core.db.prepare('SELECT count(*) AS n FROM experts').get() as { n: number }).n;
    const mixed = await ok<{ ok: boolean; errors?: { row: number; column: string; key: string }[] }>(
      f.core.dispatch('experts.importXlsx', { fileName: 'mixed.xlsx', contentBase64 }, office),
    );
    expect(mixed.ok).toBe(false);
    expect(mixed.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '评审专家', row: 3, column: '可参加现场评审', key: 'panels.import.yesNo' }),
        expect.objectContaining({ sheet: '评审专家', row: 3, column: '专业领域（行业门类）', key: 'panels.validation.section' }),
      ]),
    );
    expect((f.core.db.prepare('SELECT count(*) AS n FROM experts').get() as { n: number }).n).toBe(before);

    sheet.spliceRows(3, 1);
    const good = await ok<{ ok: boolean; imported?: number }>(
      f.core.dispatch('experts.importXlsx', { fileName: 'good.xlsx', contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') }, office),
    );
    expect(good).toEqual({ ok: true, imported: 1 });
    const [chen] = await ok<{ id: string }[]>(f.core.dispatch('experts.list', { search: '陈晓梅' }, office));
    const detail = await ok<{ record: { formerEmployers: unknown[]; availability: unknown } }>(f.core.dispatch('experts.get', { expertId: chen!.id }, office));
    expect(detail.record.formerEmployers).toEqual([
      { name: '北京长城电子信息有限公司', fromYear: 2010, toYear: 2015 },
      { name: '厦门某厂', fromYear: null, toYear: null },
    ]);
    expect(detail.record.availability).toEqual({ documentReview: true, presentation: false, siteVisit: true });
  });
});

describe('conflicts of interest', () => {
  it('suggests each rule once: same organisation, same credit code, former employer, same group', async () => {
    const sameName = await addExpert(f, '张伟', { organisation: '福建闽江精密机械股份有限公司 质量部' });
    const sameCode = await addExpert(f, '李娜', { organisation: '闽江精机', organisationCreditCode: creditCode('91350100M000100Y4') });
    const formerly = await addExpert(f, '王强', { formerEmployers: [{ name: '北京长城电子信息有限公司', fromYear: 2012, toYear: 2018 }] });
    const group = await addExpert(f, '刘洋', { organisation: '海峡集团研究院', groupName: '海峡集团' });
    const unrelated = await addExpert(f, '黄敏');

    const first = await ok<{ added: ConflictOut[]; pending: number }>(f.core.dispatch('conflicts.suggest', { cycleId: f.cycleId }, office));
    const pairs = first.added.map((c) => [c.expertId, c.applicantId, c.rule, c.kind]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [sameName, ids.minjiang, 'sameOrganisation', 'employment'],
        [sameCode, ids.minjiang, 'sameCreditCode', 'employment'],
        [formerly, ids.changcheng, 'formerEmployer', 'employment'],
        [group, ids.haixia, 'sameGroup', 'other'],
      ]),
    );
    expect(first.added.find((c) => c.expertId === formerly)).toMatchObject({ from: '2012-01-01', to: '2018-12-31', status: 'suggested', evidence: { key: 'panels.conflict.evidence.formerEmployer' } });
    expect(first.added.some((c) => c.expertId === unrelated)).toBe(false);
    // The imported expert 陈晓梅 once worked at 长城 too.
    expect(first.added.filter((c) => c.applicantId === ids.changcheng && c.rule === 'formerEmployer')).toHaveLength(2);

    const second = await ok<{ added: ConflictOut[]; pending: number }>(f.core.dispatch('conflicts.suggest', { cycleId: f.cycleId }, office));
    expect(second.added).toEqual([]);
    expect(second.pending).toBe(first.added.length);
  });

  it('a confirmed conflict blocks assignment with a refusal naming it; a dismissed one does not', async () => {
    const suggested = await ok<ConflictOut[]>(f.core.dispatch('conflicts.list', { cycleId: f.cycleId, status: 'suggested' }, office));
    const byName = suggested.find((c) => c.rule === 'sameOrganisation')!;
    const byGroup = suggested.find((c) => c.rule === 'sameGroup')!;
    const confirmed = await ok<ConflictOut & { decidedBy: string; decisionReason: string }>(
      f.core.dispatch('conflicts.decide', { conflictId: byName.id, decision: 'confirm', reason: '同一单位' }, office),
    );
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: 'office', decisionReason: '同一单位' });
    await ok(f.core.dispatch('conflicts.decide', { conflictId: byGroup.id, decision: 'dismiss', reason: '集团名称相似但无隶属关系' }, office));

    const panel = await ok<{ id: string }>(
      f.core.dispatch('panels.create', { cycleId: f.cycleId, stage: 'documentReview', name: '第一组', memberIds: [byName.expertId, byGroup.expertId] }, office),
    );
    const blocked = await refused(f.core.dispatch('panels.assign', { panelId: panel.id, applicantId: ids.minjiang }, office));
    expect(blocked).toMatchObject({ code: 'refused', key: 'panels.conflict.blocksAssignment', params: { expert: '张伟', applicant: '福建闽江精密机械股份有限公司', kind: 'employment' } });
    const allowed = await ok<{ applicants: { applicantId: string }[] }>(f.core.dispatch('panels.assign', { panelId: panel.id, applicantId: ids.haixia }, office));
    expect(allowed.applicants.map((a) => a.applicantId)).toEqual([ids.haixia]);

    // From the other side: the conflicted expert cannot join a panel that already has the applicant.
    const other = await ok<{ id: string }>(f.core.dispatch('panels.create', { cycleId: f.cycleId, stage: 'siteVisit', name: '现场一组', memberIds: [] }, office));
    f.core.db.prepare(`UPDATE applicants SET status = 'siteVisit' WHERE id = ?`).run(ids.minjiang);
    await ok(f.core.dispatch('panels.assign', { panelId: other.id, applicantId: ids.minjiang }, office));
    const join = await refused(f.core.dispatch('panels.addMember', { panelId: other.id, expertId: byName.expertId }, office));
    expect(join).toMatchObject({ code: 'refused', key: 'panels.conflict.blocksAssignment', params: { expert: '张伟' } });

    // Confirming a conflict for a pair already sitting together is refused too.
    const late = await refused(f.core.dispatch('conflicts.decide', { conflictId: byGroup.id, decision: 'confirm', reason: '' }, office));
    expect(late).toMatchObject({ code: 'refused', key: 'panels.conflict.alreadyTogether', params: { panel: '第一组' } });

    const actions = auditActions(f.core).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['conflict.suggest', 'conflict.confirm', 'conflict.dismiss', 'panel.create', 'panel.assign']));
    expect(verifyAuditChain(f.core.db)).toMatchObject({ ok: true });
  });

  it('the database itself refuses a conflicted pairing written around the service', () => {
    const conflict = f.core.db.prepare(`SELECT expert_id, applicant_id FROM conflicts WHERE status = 'confirmed' LIMIT 1`).get() as { expert_id: string; applicant_id: string };
    const panel = f.core.db.prepare(`SELECT p.id, p.stage FROM panels p JOIN panel_members m ON m.panel_id = p.id WHERE m.expert_id = ?`).get(conflict.expert_id) as { id: string; stage: string };
    expect(() =>
      f.core.db.prepare(`INSERT INTO panel_applicants (panel_id, applicant_id, stage, assigned_by, assigned_at) VALUES (?, ?, ?, 'x', 'x')`).run(panel.id, conflict.applicant_id, panel.stage),
    ).toThrow(/confirmed conflict of interest/);
  });

  it('declares a conflict the office knows of as confirmed, and requires a reason to lift it', async () => {
    const expertId = await addExpert(f, '孙丽');
    const declared = await ok<ConflictOut>(
      f.core.dispatch('conflicts.declare', { expertId, applicantId: ids.changcheng, kind: 'consultingOrTraining', from: '2024-03-01', to: null, note: '为其提供卓越绩效培训' }, office),
    );
    expect(declared).toMatchObject({ status: 'confirmed', rule: null, kind: 'consultingOrTraining' });
    const noReason = await refused(f.core.dispatch('conflicts.decide', { conflictId: declared.id, decision: 'dismiss' }, office));
    expect(noReason).toMatchObject({ code: 'validation', key: 'panels.conflict.reasonRequired' });
    const badDates = await refused(f.core.dispatch('conflicts.declare', { expertId, applicantId: ids.minjiang, kind: 'other', from: '2025-01-01', to: '2024-01-01' }, office));
    expect(badDates).toMatchObject({ code: 'validation', key: 'panels.validation.datesOrder' });
  });
});
