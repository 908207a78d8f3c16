import type { ApplicantRow } from '../../../../shared/api/applicants';
import type { ApplicantStatus } from '../../../../shared/domain/applicant';
import { normaliseCreditCode } from '../../../../shared/domain/credit-code';

export interface ApplicantFilter {
  search: string;
  status: ApplicantStatus | undefined;
  section: string | undefined;
  region: string | undefined;
}

export const emptyFilter: ApplicantFilter = { search: '', status: undefined, section: undefined, region: undefined };

/**
 * Filtering happens here over the cycle's full list (one call, a few thousand rows at most), so
 * every keystroke answers at once; the search matches the name, or the code however it is typed.
 */
export function filterApplicants(rows: readonly ApplicantRow[], filter: ApplicantFilter): ApplicantRow[] {
  const text = filter.search.trim().toLowerCase();
  const code = normaliseCreditCode(filter.search);
  return rows.filter(
    (row) =>
      (!filter.status || row.status === filter.status) &&
      (!filter.section || row.section === filter.section) &&
      (!filter.region || row.region === filter.region) &&
      (!text || row.legalName.toLowerCase().includes(text) || (code.length > 0 && row.creditCode.includes(code))),
  );
}

export function regionsOf(rows: readonly ApplicantRow[], language: string): string[] {
  return [...new Set(rows.map((row) => row.region))].sort(new Intl.Collator(language).compare);
}
