/**
 * Kenjo's entries of a held punch's employee around its day, read through the server, so that the operator can
 * see whether the punch is there before confirming it or sending it again. Times are shown as Kenjo wrote them.
 */
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client';
import type { AttentionPunch } from '../api/types';
import { useI18n } from '../i18n/i18n';

interface KenjoEntries {
  from: string;
  to: string;
  entries: Array<{ id: string; startTime: string; endTime: string | null }>;
  skipped: number;
}

const shown = (kenjoTime: string) => kenjoTime.replace('T', ' ').replace(/\.000Z$/, '');

export function KenjoEntriesOfDay({ punch }: { punch: AttentionPunch }) {
  const { t } = useI18n();
  const path = `/api/v1/admin/punches/${encodeURIComponent(punch.kioskId)}/${encodeURIComponent(punch.id)}/kenjo-entries`;
  const entries = useQuery({
    queryKey: ['kenjo-entries', punch.kioskId, punch.id],
    queryFn: () => get<KenjoEntries>(path),
  });
  if (entries.isPending) return <p>{t('app.loading')}</p>;
  if (entries.isError)
    return <p className="warning">{t('attention.kenjoEntriesError', { message: entries.error.message })}</p>;
  const { from, to, entries: list } = entries.data;
  return (
    <section aria-label={t('attention.kenjoEntries', { from, to })}>
      <h4>{t('attention.kenjoEntries', { from, to })}</h4>
      {list.length === 0 ? (
        <p>{t('attention.kenjoEntriesEmpty')}</p>
      ) : (
        <ul>
          {list.map((entry) => (
            <li key={entry.id}>
              {shown(entry.startTime)} –{' '}
              {entry.endTime === null ? t('attention.kenjoOpen') : shown(entry.endTime)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
