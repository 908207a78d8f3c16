import { initial } from './0010-initial';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [initial];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
