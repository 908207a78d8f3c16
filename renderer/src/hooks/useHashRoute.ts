import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

/** Path segments of `#/a/b/c`, decoded; empty for no hash. */
export function hashSegments(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * The route lives in the URL hash, so a reload (or the Electron window restoring) opens the same page
 * without a router dependency or any server-side routing in the browser host.
 */
export function useHashRoute(): { segments: string[]; navigate(hash: string, options?: { replace?: boolean }): void } {
  const hash = useSyncExternalStore(subscribe, snapshot);
  const navigate = useCallback((target: string, options?: { replace?: boolean }) => {
    const next = target.startsWith('#') ? target : `#${target}`;
    if (next === window.location.hash) return;
    if (options?.replace) {
      window.history.replaceState(null, '', next);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = next;
    }
  }, []);
  return { segments: hashSegments(hash), navigate };
}
