import { initial } from './0010-initial';
import { applicants } from './0020-applicants';
import { expertsAndScores } from './0030-experts-and-scores';
import { panels } from './0040-panels';
import { exchange } from './0050-exchange';
import { decisions } from './0060-decisions';
import { cycleSeals } from './0070-cycle-seals';
import type { Migration } from './types';

/** Append only: a released step never changes; fixes are new steps. */
export const migrations: readonly Migration[] = [initial, applicants, expertsAndScores, panels, exchange, decisions, cycleSeals];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
