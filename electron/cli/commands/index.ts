import type { Command } from '../command';
import { serveCommand } from './serve';
import { verifyCommand } from './verify';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { exportAllCommand } from './export-all';
import { importCommand } from './import';
import { exportCommand } from './export';
import { printCommand } from './print';
import { demoCommand } from './demo';
import { withRankingExport } from './export-ranking';

/** One file per command; the order here is the order of `award-desk --help`. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  verify: verifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'export-all': exportAllCommand,
  import: importCommand,
  export: withRankingExport(exportCommand),
  print: printCommand,
  demo: demoCommand,
};
