/**
 * Asks before an action that cannot be taken back (revoke or delete a kiosk, settle a punch in doubt): the question
 * says what the action does; the action's own button runs it, Cancel (focused first) leaves everything as it was.
 * The caller closes the dialog once the action succeeded; a failure is shown inside it.
 */
import { useI18n } from '../i18n/i18n';
import { Modal } from './modal';
import { ActionError } from './status';

export function ConfirmDialog({
  title,
  question,
  onConfirm,
  error,
  pending = false,
  onClose,
}: {
  /** Also the label of the button that acts. */
  title: string;
  question: string;
  onConfirm: () => void;
  error: Error | null;
  pending?: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onClose}>
      <p>{question}</p>
      <ActionError error={error} />
      <div className="buttons">
        <button type="button" className="danger" onClick={onConfirm} disabled={pending}>
          {title}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
