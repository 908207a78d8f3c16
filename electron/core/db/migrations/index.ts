import { initial } from './0010-initial';
import { applicants } from './0020-applicants';
import { expertsAndScores } from './0030-experts-and-scores';
import type { Migration } from './types';

/** Append only: a released step never changes; fixes are new steps. */
export const migrations: readonly Migration[] = [initial, applicants, expertsAndScores];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
