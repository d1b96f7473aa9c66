/**
 * Cursor pagination: the server hands out `nextCursor`; the pager keeps the cursors of the pages already seen so
 * "previous" needs no offset. Only one page is ever in memory, however long the ledger.
 */
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** A punch's `seq`: pages continue below it. */
export type Cursor = number;

export function usePager() {
  const [stack, setStack] = useState<Cursor[]>([]);
  const cursor = stack.at(-1);
  const next = useCallback((nextCursor: Cursor) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { cursor, page: stack.length + 1, next, previous, reset };
}

export type PagerState = ReturnType<typeof usePager>;

export function Pager({
  pager,
  nextCursor,
  label,
}: {
  pager: PagerState;
  nextCursor: Cursor | null | undefined;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={pager.reset} disabled={pager.page === 1}>
        {t('common.firstPage')}
      </button>
      <button type="button" onClick={pager.previous} disabled={pager.page === 1}>
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.page', { n: pager.page })}</span>
      <button
        type="button"
        onClick={() => nextCursor !== null && nextCursor !== undefined && pager.next(nextCursor)}
        disabled={nextCursor === null || nextCursor === undefined}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
