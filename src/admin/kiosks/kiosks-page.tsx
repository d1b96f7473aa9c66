/** Kiosks: their health at a glance (last seen, punches still on the device, clock error, version, storage). */
import { useState } from 'react';
import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatAgo, formatClockError, formatNumber } from '../ui/format';
import { ActionError, QueryState } from '../ui/status';
import { AddKiosk } from './add-kiosk';
import { EditKioskDialog } from './edit-kiosk-dialog';
import { useKiosks, useNewPairingCode } from './kiosk-api';
import { PairingDialog } from './pairing-dialog';
import { DeleteDialog } from './delete-dialog';
import { RevokeDialog } from './revoke-dialog';
import { SettingsPin } from './settings-pin';

type Open =
  { kind: 'edit' | 'revoke' | 'delete'; kiosk: Kiosk } | { kind: 'pair'; kiosk: Kiosk; code: string } | null;

export function KiosksPage() {
  const { t, language } = useI18n();
  const kiosks = useKiosks();
  const newCode = useNewPairingCode();
  const [open, setOpen] = useState<Open>(null);
  const nowMs = kiosks.dataUpdatedAt;
  const yesNo = (value: boolean | null) =>
    value === null ? t('common.unknown') : value ? t('common.yes') : t('common.no');
  return (
    <section aria-labelledby="kiosks-title">
      <h2 id="kiosks-title">{t('kiosks.title')}</h2>
      <AddKiosk />
      <SettingsPin />
      <QueryState isPending={kiosks.isPending} error={kiosks.error} />
      <ActionError error={newCode.error} />
      {kiosks.data?.length === 0 && <p>{t('kiosks.empty')}</p>}
      {kiosks.data && kiosks.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('kiosks.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kiosks.name')}</th>
                <th scope="col">{t('kiosks.state')}</th>
                <th scope="col">{t('kiosks.timeZone')}</th>
                <th scope="col">{t('kiosks.lastSeen')}</th>
                <th scope="col">{t('kiosks.pending')}</th>
                <th scope="col">{t('kiosks.clockError')}</th>
                <th scope="col">{t('kiosks.version')}</th>
                <th scope="col">{t('kiosks.storage')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {kiosks.data.map((kiosk) => (
                <tr key={kiosk.id}>
                  <th scope="row">{kiosk.name}</th>
                  <td>{kiosk.status === 'active' ? t('kiosks.active') : t('kiosks.revoked')}</td>
                  <td>{kiosk.timeZone}</td>
                  <td>
                    {kiosk.lastSeenAt ? formatAgo(kiosk.lastSeenAt, nowMs, language) : t('kiosks.never')}
                  </td>
                  <td>
                    {kiosk.pendingOnDevice === null ? '—' : formatNumber(kiosk.pendingOnDevice, language)}
                  </td>
                  <td>{formatClockError(kiosk.clockErrorMs, language)}</td>
                  <td>{kiosk.appVersion ?? '—'}</td>
                  <td>{yesNo(kiosk.storagePersisted)}</td>
                  <td>
                    <div
                      role="group"
                      aria-label={t('kiosks.actionsFor', { name: kiosk.name })}
                      className="buttons"
                    >
                      {kiosk.status === 'active' && (
                        <button type="button" onClick={() => setOpen({ kind: 'edit', kiosk })}>
                          {t('kiosks.edit')}
                        </button>
                      )}
                      <button
                        type="button"
                        onClick={() =>
                          newCode.mutate(kiosk.id, {
                            onSuccess: ({ pairingCode }) =>
                              setOpen({ kind: 'pair', kiosk, code: pairingCode }),
                          })
                        }
                      >
                        {kiosk.status === 'active' ? t('kiosks.newCode') : t('kiosks.repair')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() =>
                          setOpen({ kind: kiosk.status === 'active' ? 'revoke' : 'delete', kiosk })
                        }
                      >
                        {kiosk.status === 'active' ? t('kiosks.revoke') : t('kiosks.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open?.kind === 'edit' && <EditKioskDialog kiosk={open.kiosk} onClose={() => setOpen(null)} />}
      {open?.kind === 'revoke' && <RevokeDialog kiosk={open.kiosk} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteDialog kiosk={open.kiosk} onClose={() => setOpen(null)} />}
      {open?.kind === 'pair' && (
        <PairingDialog kioskName={open.kiosk.name} code={open.code} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
