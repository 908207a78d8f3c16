import type { ImportSummary } from '../../../../shared/api/exchange';

/**
 * A package whose payload has passed every check, ready to be written in one transaction. Checking
 * and writing are apart so that the workspace is backed up only for an import that will change it:
 * a refused package leaves no backup behind (and rotates none out).
 */
export type PreparedImport = () => ImportSummary;
