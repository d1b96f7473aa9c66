import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import { useRevokeKiosk } from './kiosk-api';

export function RevokeDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const revoke = useRevokeKiosk();
  return (
    <Modal title={t('kiosks.revoke')} onClose={onClose}>
      <p>{t('kiosks.revokeConfirm', { name: kiosk.name })}</p>
      <ActionError error={revoke.error} />
      <div className="buttons">
        <button
          type="button"
          className="danger"
          onClick={() => revoke.mutate(kiosk.id, { onSuccess: onClose })}
        >
          {t('kiosks.revoke')}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
