import type { Db } from '../connection';

export interface Migration {
  /** Multiples of 10, so a fix can slot in between two released steps. */
  version: number;
  name: string;
  up(db: Db): void;
}
