/** Asks before an irreversible change to a kiosk (revoke, delete), then runs it and closes, or shows why it failed. */
import type { UseMutationResult } from '@tanstack/react-query';
import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';

export function KioskConfirmDialog<R>({
  kiosk,
  title,
  question,
  change,
  onClose,
}: {
  kiosk: Kiosk;
  title: string;
  question: string;
  change: UseMutationResult<R, Error, string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onClose}>
      <p>{question}</p>
      <ActionError error={change.error} />
      <div className="buttons">
        <button
          type="button"
          className="danger"
          onClick={() => change.mutate(kiosk.id, { onSuccess: onClose })}
        >
          {title}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
