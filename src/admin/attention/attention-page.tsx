import { useI18n } from '../i18n/i18n';
import { useKiosks } from '../kiosks/kiosk-api';
import { Pager, usePager } from '../ui/pager';
import { QueryState } from '../ui/status';
import { useAttention } from './attention-api';
import { AttentionItem } from './attention-item';
import { AuditList } from './audit-list';
import { FirstRun } from './first-run';

export function AttentionPage() {
  const { t, language } = useI18n();
  const pager = usePager();
  const attention = useAttention(pager.cursor);
  const kiosks = useKiosks();
  const kioskName = new Map((kiosks.data ?? []).map((k) => [k.id, k.name]));
  const data = attention.data;
  const noKiosk = kiosks.data?.length === 0;
  return (
    <>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{t('attention.title')}</h2>
        <QueryState isPending={attention.isPending} error={attention.error} />
        {noKiosk && data?.items.length === 0 && <FirstRun />}
        {data && !(noKiosk && data.items.length === 0) && (
          <p>
            {data.items.length === 0 && pager.page === 1
              ? t('attention.empty')
              : new Intl.ListFormat(language, { type: 'unit' }).format([
                  t('attention.failedCount', { count: data.failedCount }),
                  t('attention.rejectedCount', { count: data.rejectedCount }),
                ])}
          </p>
        )}
        {data && data.items.length > 0 && (
          <ul className="plain">
            {data.items.map((punch) => (
              <AttentionItem
                key={`${punch.kioskId}/${punch.id}`}
                punch={punch}
                kioskName={kioskName.get(punch.kioskId) ?? punch.kioskId}
              />
            ))}
          </ul>
        )}
        {(pager.page > 1 || data?.nextCursor) && (
          <Pager pager={pager} nextCursor={data?.nextCursor} label={t('attention.title')} />
        )}
      </section>
      <AuditList />
    </>
  );
}
