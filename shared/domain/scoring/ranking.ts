import { compare, type Rational } from './rational';

export interface RankInput {
  applicantId: string;
  /** Hundredths of a point, exact. */
  total: Rational;
}

export interface RankedApplicant {
  applicantId: string;
  total: Rational;
  /** Competition ranking: 1, 2, 2, 4. */
  rank: number;
  /** How many applicants share this rank (1 when not tied). */
  tiedWith: number;
}

/**
 * Ranks by exact total, highest first, with competition ranking (1, 2, 2, 4). Ties are decided on
 * exact totals, not on the two-decimal display: 1837/3 and 612.33 display alike but are not tied.
 * Tied applicants keep their input order, so the listing is deterministic; their rank is shared.
 */
export function rankApplicants(results: readonly RankInput[]): RankedApplicant[] {
  const order = results.map((result, position) => ({ result, position }));
  order.sort((a, b) => compare(b.result.total, a.result.total) || a.position - b.position);
  const ranked: RankedApplicant[] = [];
  let groupStart = 0;
  for (let i = 0; i < order.length; i++) {
    const current = order[i]!.result;
    if (i > 0 && compare(current.total, order[i - 1]!.result.total) !== 0) groupStart = i;
    ranked.push({ applicantId: current.applicantId, total: current.total, rank: groupStart + 1, tiedWith: 1 });
  }
  // Second pass: the size of each tie group is known only once the group has ended.
  let start = 0;
  while (start < ranked.length) {
    let end = start + 1;
    while (end < ranked.length && ranked[end]!.rank === ranked[start]!.rank) end++;
    for (let i = start; i < end; i++) ranked[i]!.tiedWith = end - start;
    start = end;
  }
  return ranked;
}
