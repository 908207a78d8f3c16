import { z } from 'zod';
import { channel } from './define';
import { emptyInput, isoTimestamp } from './schemas';

/** Why a backup exists; the first three are automatic and rotate, the others are kept until removed by hand. */
export const BACKUP_REASONS = ['daily', 'pre-migration', 'pre-import', 'manual', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const AUTOMATIC_BACKUP_REASONS: readonly BackupReason[] = ['daily', 'pre-migration', 'pre-import'];

/** What a check of a backup file found, in the order the checks run; only `ok` may be restored. */
export const BACKUP_VERDICTS = ['ok', 'notSqlite', 'foreign', 'newer', 'damaged', 'auditBroken'] as const;
export type BackupVerdict = (typeof BACKUP_VERDICTS)[number];

export const DEFAULT_BACKUPS_KEEP = 10;
export const MAX_BACKUPS_KEEP = 365;

/** A plain file name inside the backups folder: the UI can never name a path. */
export const backupFileNameSchema = z
  .string()
  .min(1, { error: 'errors.field.required' })
  .max(200, { error: 'errors.field.tooLong' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, { error: 'errors.field.invalid' });

export const backupEntrySchema = z.object({
  fileName: z.string(),
  createdAt: isoTimestamp,
  reason: z.enum([...BACKUP_REASONS, 'other']),
  size: z.number().int(),
  schemaVersion: z.number().int().nullable(),
  verdict: z.enum(BACKUP_VERDICTS),
  /** SQLite's own words when the file is damaged; not translated. */
  detail: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupListSchema = z.object({
  folder: z.string(),
  keep: z.number().int(),
  backups: z.array(backupEntrySchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupChannels = {
  /** Newest first, each checked the same way a restore checks it. */
  'backups.list': channel(emptyInput, backupListSchema),
  'backups.create': channel(emptyInput, backupEntrySchema),
  'backups.setKeep': channel(
    z.object({ keep: z.number().int({ error: 'errors.field.integer' }).min(1, { error: 'errors.field.tooSmall' }).max(MAX_BACKUPS_KEEP, { error: 'errors.field.tooBig' }) }).strict(),
    backupListSchema,
  ),
  /** Copies the current file aside, replaces it with the verified backup and reopens the workspace. */
  'backups.restore': channel(
    z.object({ fileName: backupFileNameSchema }).strict(),
    z.object({ restoredFrom: z.string(), previousKeptAs: z.string().nullable(), schemaVersion: z.number().int() }),
  ),
};
