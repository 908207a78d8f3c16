import type { backupChannels } from '../../../shared/api/backups';
import type { CoreContext } from '../context';
import { createManualBackup, listBackups, restoreBackup, setBackupsKeep } from '../services/backups';
import type { AreaHandlers } from './types';

export const backupHandlers = (ctx: CoreContext): AreaHandlers<typeof backupChannels> => ({
  'backups.list': () => listBackups(ctx),
  'backups.create': () => createManualBackup(ctx),
  'backups.setKeep': (input) => setBackupsKeep(ctx, input.keep),
  'backups.restore': (input, call) => restoreBackup(ctx, input.fileName, call),
});
