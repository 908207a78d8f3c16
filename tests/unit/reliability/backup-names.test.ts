import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupStamp, localDate, parseBackupName } from '../../../electron/core/db/backup';
import { BACKUP_REASONS, backupFileNameSchema } from '../../../shared/api/backups';

const instant = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });

describe('backup file names', () => {
  it('say when and why, and read back exactly', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...BACKUP_REASONS), fc.integer({ min: 1, max: 99 }), (when, reason, n) => {
        const name = `${backupStamp(when)}-${reason}${n === 1 ? '' : `-${n}`}.sqlite`;
        expect(backupFileNameSchema.safeParse(name).success).toBe(true);
        expect(parseBackupName(name)).toEqual({ createdAt: when.toISOString(), reason });
      }),
      { numRuns: 1000 },
    );
  });

  it('sort by time as plain text', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...BACKUP_REASONS), fc.constantFrom(...BACKUP_REASONS), (a, b, ra, rb) => {
        fc.pre(a.getTime() !== b.getTime());
        const [first, second] = [`${backupStamp(a)}-${ra}.sqlite`, `${backupStamp(b)}-${rb}.sqlite`];
        expect(first < second).toBe(a < b);
      }),
      { numRuns: 1000 },
    );
  });

  it('examples', () => {
    expect(backupStamp(new Date('2026-11-21T09:00:01.002Z'))).toBe('2026-11-21T09-00-01-002Z');
    expect(parseBackupName('2026-11-21T09-00-01-002Z-pre-migration.sqlite')).toEqual({ createdAt: '2026-11-21T09:00:01.002Z', reason: 'pre-migration' });
    expect(parseBackupName('2026-11-21T09-00-01-002Z-pre-import-3.sqlite')).toEqual({ createdAt: '2026-11-21T09:00:01.002Z', reason: 'pre-import' });
    expect(parseBackupName('2026-11-21T09-00-01-002Z-weekly.sqlite')).toEqual({ createdAt: '2026-11-21T09:00:01.002Z', reason: 'other' });
    expect(parseBackupName('2026-13-41T09-00-01-002Z-daily.sqlite')).toBeUndefined();
    expect(parseBackupName('office.sqlite')).toBeUndefined();
  });

  it('only plain names inside the folder are accepted from the UI', () => {
    for (const bad of ['../office.sqlite', '/etc/passwd.sqlite', 'a/b.sqlite', 'a\\b.sqlite', '.hidden.sqlite', 'x.sqlite-wal', 'x.db', '']) {
      expect(backupFileNameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('the daily backup day is the local calendar date', () => {
    const when = new Date(2026, 0, 5, 23, 59, 59);
    expect(localDate(when)).toBe('2026-01-05');
    expect(localDate(new Date(when.getTime() + 1000))).toBe('2026-01-06');
  });
});
