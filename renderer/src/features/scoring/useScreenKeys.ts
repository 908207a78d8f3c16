import { useEffect, useRef, type RefObject } from 'react';

const EDITABLE = 'input, textarea, select, [contenteditable="true"], .ant-select, .ant-picker';

/**
 * Keys that work anywhere on a scoring screen, not only on the percent control: next / previous
 * item (PageDown/PageUp, J/K, Ctrl+→/←) when no text field has the focus, and Escape from a text
 * field back to the score. Keys inside a dialog are left to the dialog.
 */
export function useScreenKeys(control: RefObject<HTMLElement | null>, onNavigate: (direction: 1 | -1) => void): void {
  const navigate = useRef(onNavigate);
  navigate.current = onNavigate;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('.ant-modal, .ant-popover, .ant-select-dropdown, .ant-drawer')) return;
      if (target && control.current?.contains(target)) return; // the control handles its own keys
      if (target?.closest(EDITABLE)) {
        if (event.key === 'Escape' && !event.altKey && !event.ctrlKey) {
          event.preventDefault();
          control.current?.focus();
        }
        return;
      }
      const command = event.ctrlKey || event.metaKey;
      let direction: 1 | -1 | 0 = 0;
      if (command && event.key === 'ArrowRight') direction = 1;
      else if (command && event.key === 'ArrowLeft') direction = -1;
      else if (!command && !event.altKey && (event.key === 'PageDown' || event.key === 'j' || event.key === 'J')) direction = 1;
      else if (!command && !event.altKey && (event.key === 'PageUp' || event.key === 'k' || event.key === 'K')) direction = -1;
      if (direction === 0) return;
      event.preventDefault();
      navigate.current(direction);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [control]);
}
