import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useDeleteKiosk } from './kiosk-api';
import { KioskConfirmDialog } from './kiosk-confirm-dialog';

/** Removes a revoked kiosk from the list; the ledger keeps every punch it sent. */
export function DeleteDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <KioskConfirmDialog
      kiosk={kiosk}
      title={t('kiosks.delete')}
      question={t('kiosks.deleteConfirm', { name: kiosk.name })}
      change={useDeleteKiosk()}
      onClose={onClose}
    />
  );
}
