import { useEffect, useRef, type RefObject } from 'react';

/**
 * Ctrl+S (⌘S on macOS) saves the form on screen instead of opening the browser's "save page".
 * With `within`, only while that element is displayed (a form in a hidden tab stays out of it).
 */
export function useSaveShortcut(save: () => void, within?: RefObject<HTMLElement | null>): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (within && (!within.current || within.current.getClientRects().length === 0)) return;
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [within]);
}
