import { useSyncExternalStore } from 'react';

/**
 * The expert signed in to the review room (the core holds the session; this tab holds its token).
 * sessionStorage: a reload keeps the expert signed in, closing the tab forgets the token.
 */
export interface ScoringSession {
  sessionToken: string;
  expertId: string;
  expertName: string;
}

const KEY = 'award-desk.scoringSession';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: ScoringSession | null } = { raw: null, session: null };

function read(): ScoringSession | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw === cached.raw) return cached.session;
  let session: ScoringSession | null = null;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<ScoringSession>) : null;
    if (parsed && typeof parsed.sessionToken === 'string' && typeof parsed.expertId === 'string' && typeof parsed.expertName === 'string') {
      session = { sessionToken: parsed.sessionToken, expertId: parsed.expertId, expertName: parsed.expertName };
    }
  } catch {
    session = null;
  }
  cached = { raw, session };
  return session;
}

export function setScoringSession(session: ScoringSession | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useScoringSession(): ScoringSession | null {
  return useSyncExternalStore(subscribe, read);
}
