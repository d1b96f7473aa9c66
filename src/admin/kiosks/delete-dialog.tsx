import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useDeleteKiosk } from './kiosk-api';

/** Removes a revoked kiosk from the list; the ledger keeps every punch it sent. */
export function DeleteDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const remove = useDeleteKiosk();
  return (
    <ConfirmDialog
      title={t('kiosks.delete')}
      question={t('kiosks.deleteConfirm', { name: kiosk.name })}
      onConfirm={() => remove.mutate(kiosk.id, { onSuccess: onClose })}
      error={remove.error}
      onClose={onClose}
    />
  );
}
