/**
 * Every punch, newest first, one server page at a time (100 rows), searchable by status, kiosk, employee and day.
 * The ledger may hold hundreds of thousands of punches; the browser only ever holds the page it shows.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client';
import type { PunchViewPage } from '../../../core/punch-view';
import { useI18n } from '../i18n/i18n';
import { useKiosks } from '../kiosks/kiosk-api';
import { dayBounds, formatInstant } from '../ui/format';
import { Pager, usePager } from '../ui/pager';
import { QueryState } from '../ui/status';
import { CsvExport } from './csv-export';
import { DeliveredCell, EmployeeCell, KenjoTimeCell, OvernightCell, StatusCell } from './punch-cells';
import { NO_FILTERS, PunchFilters, type PunchFilterValues } from './punch-filters';

export const PUNCH_PAGE_SIZE = 100;

export function PunchesPage() {
  const { t, language } = useI18n();
  const [filters, setFilters] = useState<PunchFilterValues>(NO_FILTERS);
  const pager = usePager();
  const kiosks = useKiosks();
  const kioskName = new Map((kiosks.data ?? []).map((k) => [k.id, k.name]));
  const bounds = filters.day ? dayBounds(filters.day) : null;
  const search = query({
    status: filters.status,
    kioskId: filters.kioskId,
    employee: filters.employee,
    from: bounds?.from,
    to: bounds?.to,
    limit: PUNCH_PAGE_SIZE,
    cursor: pager.cursor,
  });
  const punches = useQuery({
    queryKey: ['punches', search],
    queryFn: () => get<PunchViewPage>(`/api/v1/admin/punches${search}`),
    placeholderData: keepPreviousData,
  });
  const apply = (next: PunchFilterValues) => {
    pager.reset();
    setFilters(next);
  };
  const rows = punches.data?.punches ?? [];
  return (
    <section aria-labelledby="punches-title">
      <h2 id="punches-title">{t('punches.title')}</h2>
      <PunchFilters kiosks={kiosks.data ?? []} onApply={apply} />
      <QueryState isPending={punches.isPending} error={punches.error} />
      {punches.data && rows.length === 0 && <p>{t('punches.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('punches.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('punch.employee')}</th>
                <th scope="col">{t('punch.kiosk')}</th>
                <th scope="col">{t('punch.at')}</th>
                <th scope="col">{t('punch.kenjoDateTime')}</th>
                <th scope="col">{t('punch.status')}</th>
                <th scope="col">{t('punch.overnight')}</th>
                <th scope="col">{t('punch.attempts')}</th>
                <th scope="col">{t('punch.lastError')}</th>
                <th scope="col">{t('punch.delivered')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((punch) => (
                <tr key={`${punch.kioskId}/${punch.id}`}>
                  <td>
                    <EmployeeCell punch={punch} />
                  </td>
                  <td>{kioskName.get(punch.kioskId) ?? punch.kioskId}</td>
                  <td>{formatInstant(punch.at, language)}</td>
                  <td>
                    <KenjoTimeCell punch={punch} />
                  </td>
                  <td>
                    <StatusCell punch={punch} />
                  </td>
                  <td>
                    <OvernightCell punch={punch} />
                  </td>
                  <td>{punch.attempts}</td>
                  <td>{punch.lastError ?? '—'}</td>
                  <td>
                    <DeliveredCell punch={punch} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={punches.data?.nextCursor} label={t('punches.tableCaption')} />
      <CsvExport />
    </section>
  );
}
