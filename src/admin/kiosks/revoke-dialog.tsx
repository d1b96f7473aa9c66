import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useRevokeKiosk } from './kiosk-api';

export function RevokeDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const revoke = useRevokeKiosk();
  return (
    <ConfirmDialog
      title={t('kiosks.revoke')}
      question={t('kiosks.revokeConfirm', { name: kiosk.name })}
      onConfirm={() => revoke.mutate(kiosk.id, { onSuccess: onClose })}
      error={revoke.error}
      onClose={onClose}
    />
  );
}
