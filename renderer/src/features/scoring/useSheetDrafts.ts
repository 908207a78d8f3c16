import { useCallback, useMemo, useRef, useState } from 'react';
import type { Scorer, ScoreSheet } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call, callWhileLeaving } from '../../bridge';
import { useSaveStatus } from '../../hooks/useSaveStatus';
import { adoptIds, commentInputs, sendable, toDrafts, type DraftComment } from './comment-drafts';
import { useKeyedAutosave } from './useKeyedAutosave';

export interface ItemDraft {
  percent: number | null;
  strengths: DraftComment[];
  opportunities: DraftComment[];
}

function fromSheet(sheet: ScoreSheet): Record<string, ItemDraft> {
  return Object.fromEntries(sheet.items.map((item) => [item.itemId, { percent: item.percent, strengths: toDrafts(item.strengths), opportunities: toDrafts(item.opportunities) }]));
}

/**
 * The expert's sheet as edited: every change is shown at once and autosaved per item (debounced);
 * ids the core gives new comments are adopted so an entry keeps its identity across saves.
 */
export function useSheetDrafts(sheet: ScoreSheet, as: Scorer, stage: StageId) {
  const [drafts, setDrafts] = useState<Record<string, ItemDraft>>(() => fromSheet(sheet));
  const draftsRef = useRef(drafts);
  const { status, reporter } = useSaveStatus();

  const replace = useCallback((next: Record<string, ItemDraft>) => {
    draftsRef.current = next;
    setDrafts(next);
  }, []);

  const save = useCallback(
    async (itemId: string, value: ItemDraft, leaving: boolean) => {
      const strengths = sendable(value.strengths);
      const opportunities = sendable(value.opportunities);
      const input = {
        as,
        stage,
        applicantId: sheet.applicantId,
        itemId,
        percent: value.percent,
        strengths: commentInputs(strengths),
        opportunities: commentInputs(opportunities),
      };
      const result = await (leaving ? callWhileLeaving : call)('scores.saveItem', input);
      const current = draftsRef.current[itemId];
      if (current) {
        replace({
          ...draftsRef.current,
          [itemId]: { ...current, strengths: adoptIds(current.strengths, strengths, result.strengths), opportunities: adoptIds(current.opportunities, opportunities, result.opportunities) },
        });
      }
      return result;
    },
    [as, stage, sheet.applicantId, replace],
  );

  const autosave = useKeyedAutosave<ItemDraft>(save, reporter);
  const { change } = autosave;

  const edit = useCallback(
    (itemId: string, patch: Partial<ItemDraft>) => {
      const current = draftsRef.current[itemId];
      if (!current) return;
      const next = { ...current, ...patch };
      replace({ ...draftsRef.current, [itemId]: next });
      change(itemId, next);
    },
    [change, replace],
  );

  const scored = useMemo(() => Object.values(drafts).filter((d) => d.percent !== null).length, [drafts]);

  return { drafts, draftsRef, edit, status, autosave, scored };
}
