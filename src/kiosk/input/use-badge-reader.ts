import { useEffect, useRef } from 'react';
import { createBadgeKeys } from './badge-keys';

function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      element.type,
    );
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Listens on the whole page for a keyboard-wedge badge reader, on every screen, unless a text field has focus. */
export function useBadgeReader(onScan: (badge: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    const keys = createBadgeKeys((badge) => latest.current(badge));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const taken = keys.handleKey({
        key: event.key,
        timeMs: event.timeStamp,
        inTextField: isTextField(document.activeElement),
      });
      if (taken) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      keys.close();
    };
  }, []);
}
