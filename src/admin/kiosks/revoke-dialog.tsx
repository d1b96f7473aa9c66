import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useRevokeKiosk } from './kiosk-api';
import { KioskConfirmDialog } from './kiosk-confirm-dialog';

export function RevokeDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <KioskConfirmDialog
      kiosk={kiosk}
      title={t('kiosks.revoke')}
      question={t('kiosks.revokeConfirm', { name: kiosk.name })}
      change={useRevokeKiosk()}
      onClose={onClose}
    />
  );
}
