import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { Envelope } from '../../../shared/api/contract';
import type { FrameworkDetail, FrameworkImportResult } from '../../../shared/api/frameworks';
import { office, openTestCore, resourcesDir, tempDir } from '../../helpers/workspace';

// A city's variant of GB/T 19580: same tree, its own code and version, 4.1.2 and 4.1.3 re-weighted.
const base = JSON.parse(readFileSync(join(resourcesDir, 'criteria', 'gb-t-19580-2012.json'), 'utf8')) as {
  code: string;
  version: string;
  revision: number;
  names: Record<string, string>;
  categories: { id: string; items: { id: string; points: number }[] }[];
};

function variant(edit: (framework: typeof base) => void = () => undefined): string {
  const framework = structuredClone(base);
  framework.code = 'FZ-QA';
  framework.version = '2026';
  framework.names = { 'zh-CN': '福州市质量奖评价准则', en: 'Fuzhou Quality Award criteria', 'zh-TW': '福州市品質獎評價準則' };
  const leadership = framework.categories[0]!.items;
  leadership[0]!.points = 55;
  leadership[1]!.points = 25;
  edit(framework);
  return Buffer.from(JSON.stringify(framework, null, 2)).toString('base64');
}

const temp = tempDir();
let core: Core;

async function ok<T>(promise: Promise<Envelope>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const importFile = (fileName: string, contentBase64: string) => ok<FrameworkImportResult>(core.dispatch('frameworks.import', { fileName, contentBase64 }, office));
const imports = () => core.db.prepare(`SELECT entity_id AS id, payload FROM audit_log WHERE action = 'framework.import' ORDER BY seq`).all() as { id: string; payload: string }[];

beforeAll(() => {
  core = openTestCore(temp.dir);
});
afterAll(() => {
  core.close();
  temp.dispose();
});

describe('framework versions', () => {
  let first: FrameworkImportResult;
  let cycleId: string;

  it('imports a variant once: the same content again, however formatted, is the same version', async () => {
    first = await importFile('福州.json', variant());
    expect(first).toMatchObject({ outcome: 'added', code: 'FZ-QA', version: '2026', revision: 1, source: 'json', total: 1000, itemCount: 23 });
    const compact = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(variant(), 'base64').toString('utf8')))).toString('base64');
    const again = await importFile('福州-副本.json', compact);
    expect(again).toMatchObject({ outcome: 'existing', id: first.id, revision: 1 });
    expect(imports().map((row) => row.id)).toEqual([first.id]);
  });

  it('freezes the version a cycle scores with, and an edited file becomes a new revision beside it', async () => {
    cycleId = (await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度福州市市长质量奖', year: 2026 }, office))).id;
    await ok(core.dispatch('cycles.setFramework', { cycleId, frameworkId: first.id }, office));
    const sample = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'applicants', 'sample-applicants.json'), 'utf8')) as unknown[])[0];
    const applicant = await ok<{ id: string }>(core.dispatch('applicants.create', { cycleId, record: sample }, office));
    core.db.prepare(`INSERT INTO experts (id, name, organisation, record, created_at, updated_at) VALUES ('e1', '专家甲', '某大学', '{}', 'x', 'x')`).run();
    core.db.prepare(`INSERT INTO scores VALUES (?, 'documentReview', ?, 'e1', '4.1.2', 55, 'e1', 'x')`).run(cycleId, applicant.id);

    // The office corrects the variant: 4.1.2 back to 50 points, 4.1.4 up to 35. The file still says revision 1.
    const edited = await importFile('福州-修订.json', variant((f) => {
      f.categories[0]!.items[0]!.points = 50;
      f.categories[0]!.items[2]!.points = 35;
    }));
    expect(edited).toMatchObject({ outcome: 'revised', code: 'FZ-QA', version: '2026', revision: 2, fileRevision: 1 });
    expect(edited.id).not.toBe(first.id);

    // The stored first version is untouched, and the scored cycle still uses it.
    const kept = await ok<FrameworkDetail>(core.dispatch('frameworks.get', { id: first.id }, office));
    expect(kept.framework.revision).toBe(1);
    expect(kept.framework.categories[0]!.items.map((item) => item.points)).toEqual([55, 25, 30]);
    expect(kept.usedBy).toEqual([{ cycleId, cycleName: '2026年度福州市市长质量奖', frozen: true }]);
    const revised = await ok<FrameworkDetail>(core.dispatch('frameworks.get', { id: edited.id }, office));
    expect(revised.framework.categories[0]!.items.map((item) => item.points)).toEqual([50, 25, 35]);
    expect(revised.usedBy).toEqual([]);

    const refused = await core.dispatch('cycles.setFramework', { cycleId, frameworkId: edited.id }, office);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'errors.cycles.frameworkFrozen' } });
    expect(await ok<{ frameworkId: string }>(core.dispatch('cycles.get', { cycleId }, office))).toMatchObject({ frameworkId: first.id });

    // A new cycle may take the new revision.
    const next = (await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2027年度福州市市长质量奖', year: 2027 }, office))).id;
    expect(await ok<{ frameworkId: string }>(core.dispatch('cycles.setFramework', { cycleId: next, frameworkId: edited.id }, office))).toMatchObject({ frameworkId: edited.id });
  });

  it('recognises the edited file again, and keeps counting revisions on further edits', async () => {
    const list = await ok<{ id: string; code: string; revision: number }[]>(core.dispatch('frameworks.list', {}, office));
    const revisions = list.filter((f) => f.code === 'FZ-QA').map((f) => f.revision);
    expect(revisions).toEqual([1, 2]);

    const same = await importFile('福州-修订.json', variant((f) => {
      f.categories[0]!.items[0]!.points = 50;
      f.categories[0]!.items[2]!.points = 35;
    }));
    expect(same).toMatchObject({ outcome: 'existing', revision: 2 });

    const wording = await importFile('福州-措辞.json', variant((f) => {
      f.names['zh-CN'] = '福州市市长质量奖评价准则';
    }));
    expect(wording).toMatchObject({ outcome: 'revised', revision: 3, fileRevision: 1 });

    // A file that already carries a free revision number keeps it.
    const numbered = await importFile('福州-第9版.json', variant((f) => {
      f.revision = 9;
      f.names.en = 'Fuzhou criteria, 9th revision';
    }));
    expect(numbered).toMatchObject({ outcome: 'added', revision: 9, fileRevision: 9 });

    const audited = imports().map((row) => JSON.parse(row.payload) as { revision: number; fileRevision: number });
    expect(audited.map((p) => [p.revision, p.fileRevision])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [9, 9],
    ]);
  });
});

describe('framework list order', () => {
  it('puts the default GB/T 19580 first even when every built-in was stored in the same second', async () => {
    const still = tempDir();
    const frozenClock = openTestCore(still.dir, { clock: () => new Date('2026-01-05T08:00:00.000Z') });
    try {
      const list = await ok<{ code: string; source: string }[]>(frozenClock.dispatch('frameworks.list', {}, office));
      expect(list.map((f) => f.code)).toEqual(['GB/T 19580', 'Baldrige', 'EFQM']);
    } finally {
      frozenClock.close();
      still.dispose();
    }
  });
});
