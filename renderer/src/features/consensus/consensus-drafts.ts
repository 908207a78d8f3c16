import type { ConsensusView } from '../../../../shared/api/scoring-sessions';
import { toDrafts, type DraftComment } from '../scoring/comment-drafts';

export type ConsensusItem = ConsensusView['items'][number];

export interface ConsensusDraft {
  percent: number | null;
  rationale: string;
  strengths: DraftComment[];
  opportunities: DraftComment[];
}

export function draftOf(item: ConsensusItem): ConsensusDraft {
  return {
    percent: item.consensus?.percent ?? null,
    rationale: item.consensus?.rationale ?? '',
    strengths: toDrafts(item.consensus?.strengths ?? []),
    opportunities: toDrafts(item.consensus?.opportunities ?? []),
  };
}

/** Where the agreed percent starts from when the leader first presses an arrow: the experts' median, on a step. */
export function medianAnchor(item: ConsensusItem, choices: readonly number[]): number | null {
  const values = item.percents.map((p) => p.percent).filter((p): p is number => p !== null).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = values.length % 2 === 1 ? values[(values.length - 1) / 2]! : (values[values.length / 2 - 1]! + values[values.length / 2]!) / 2;
  let best = choices[0] ?? null;
  for (const choice of choices) if (best === null || Math.abs(choice - middle) < Math.abs(best - middle)) best = choice;
  return best;
}

/**
 * Σ points × percent in hundredths of a point, over every item that has an agreed percent (the
 * draft being edited counts as what it shows): integers, so the sum is exact.
 */
export function liveTotal(items: readonly ConsensusItem[], drafts: Readonly<Record<string, ConsensusDraft>>): { hundredths: number; counted: number } {
  let hundredths = 0;
  let counted = 0;
  for (const item of items) {
    const percent = drafts[item.itemId]?.percent ?? item.consensus?.percent ?? null;
    if (percent === null) continue;
    hundredths += item.points * percent;
    counted += 1;
  }
  return { hundredths, counted };
}

/** The draft differs from what is recorded. */
export function isDirty(item: ConsensusItem, draft: ConsensusDraft | undefined): boolean {
  if (!draft) return false;
  const saved = draftOf(item);
  const texts = (list: DraftComment[]) => JSON.stringify(list.map((d) => [d.id ?? null, d.text.trim(), d.citation, d.sourceCommentId ?? null]));
  return draft.percent !== saved.percent || draft.rationale.trim() !== saved.rationale.trim() || texts(draft.strengths) !== texts(saved.strengths) || texts(draft.opportunities) !== texts(saved.opportunities);
}
