import { afterEach, describe, expect, it } from 'vitest';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

describe('dispatch: the one gate into the core', () => {
  const temp = tempDir();
  const core = openTestCore(temp.dir);
  afterEach(() => undefined);

  it('refuses unknown channels, including prototype names', async () => {
    for (const channel of ['nope.nothing', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await core.dispatch(channel, {}, office);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknownChannel');
    }
  });

  it('returns translated field errors and never calls the service on invalid input', async () => {
    const before = core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    const cases: [unknown, string, string][] = [
      [{ name: '', year: 2026 }, 'name', 'errors.field.required'],
      [{ name: 'x'.repeat(201), year: 2026 }, 'name', 'errors.field.tooLong'],
      [{ name: 'ok', year: 1999 }, 'year', 'errors.field.tooSmall'],
      [{ name: 'ok', year: 2026.5 }, 'year', 'errors.field.integer'],
      [{ name: 'ok' }, 'year', 'errors.field.required'],
      [{ name: 'bad\u0007bell', year: 2026 }, 'name', 'errors.field.controlChars'],
      [{ name: 'ok', year: 2026, extra: true }, '(input)', 'errors.field.unknownKeys'],
    ];
    for (const [input, path, key] of cases) {
      const result = await core.dispatch('cycles.create', input, office);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('validation');
      expect(result.error.fields).toContainEqual(expect.objectContaining({ path, key }));
    }
    const after = core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('creates, lists and refuses a duplicate name with a conflict', async () => {
    const created = await core.dispatch('cycles.create', { name: '  2026年度市长质量奖  ', year: 2026 }, office);
    expect(created).toMatchObject({ ok: true, data: { name: '2026年度市长质量奖', year: 2026 } });
    const duplicate = await core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2027 }, office);
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict', key: 'errors.cycles.duplicateName' } });
    const list = await core.dispatch('cycles.list', {}, office);
    expect(list.ok && (list.data as { name: string }[]).map((c) => c.name)).toEqual(['2026年度市长质量奖']);
  });

  it('persists the language setting', async () => {
    expect(await core.dispatch('settings.get', {}, office)).toEqual({ ok: true, data: { language: 'zh-CN' } });
    expect(await core.dispatch('settings.update', { language: 'en' }, office)).toEqual({ ok: true, data: { language: 'en' } });
    expect((await core.dispatch('settings.update', { language: 'fr' }, office)).ok).toBe(false);
    expect(await core.dispatch('settings.get', {}, office)).toEqual({ ok: true, data: { language: 'en' } });
    core.close();
    temp.dispose();
  });
});
