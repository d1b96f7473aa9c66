import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import { useDeleteKiosk } from './kiosk-api';

/** Removes a revoked kiosk from the list; the ledger keeps every punch it sent. */
export function DeleteDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const remove = useDeleteKiosk();
  return (
    <Modal title={t('kiosks.delete')} onClose={onClose}>
      <p>{t('kiosks.deleteConfirm', { name: kiosk.name })}</p>
      <ActionError error={remove.error} />
      <div className="buttons">
        <button
          type="button"
          className="danger"
          onClick={() => remove.mutate(kiosk.id, { onSuccess: onClose })}
        >
          {t('kiosks.delete')}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
