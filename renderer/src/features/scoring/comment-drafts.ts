import type { Citation, Comment } from '../../../../shared/api/scoring-sessions';

/** A strength or OFI as edited: `key` is for React, `id` is the core's once the entry has been saved. */
export interface DraftComment {
  key: string;
  id?: string | undefined;
  text: string;
  citation: Citation | null;
  /** Consensus only: the expert's entry this one was picked from. */
  sourceCommentId?: string | null | undefined;
}

let counter = 0;
export const newDraftKey = (): string => `draft-${++counter}`;

export const emptyCitation: Citation = { page: null, figure: null, attachmentId: null };

export function toDrafts(comments: readonly (Comment & { sourceCommentId?: string | null })[]): DraftComment[] {
  return comments.map((c) => ({ key: newDraftKey(), id: c.id, text: c.text, citation: c.citation, sourceCommentId: c.sourceCommentId }));
}

function cleanCitation(citation: Citation | null): Citation | null {
  if (!citation) return null;
  const figure = citation.figure?.trim() || null;
  if (citation.page === null && !figure && !citation.attachmentId) return null;
  return { page: citation.page, figure, attachmentId: citation.attachmentId };
}

/** What is worth sending: entries with text (an empty new line is not a comment yet). */
export function sendable(drafts: readonly DraftComment[]): DraftComment[] {
  return drafts.filter((d) => d.text.trim() !== '');
}

export function commentInputs(drafts: readonly DraftComment[]) {
  return drafts.map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim(), citation: cleanCitation(d.citation) }));
}

/** The saved list answers the sent list position by position: new entries learn their ids. */
export function adoptIds(current: readonly DraftComment[], sent: readonly DraftComment[], saved: readonly { id: string }[]): DraftComment[] {
  const ids = new Map(sent.map((d, i) => [d.key, saved[i]?.id]));
  return current.map((d) => (d.id || !ids.get(d.key) ? d : { ...d, id: ids.get(d.key) }));
}
