import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import type { PunchAction } from './attention-api';

export function DiscardDialog({
  onAct,
  error,
  onClose,
}: {
  onAct: (action: PunchAction) => void;
  error: Error | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAct({ kind: 'discard', reason: reason.trim() });
  };
  return (
    <Modal title={t('attention.discardTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          {t('common.reason')}
          <textarea required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ActionError error={error} />
        <div className="buttons">
          <button type="submit" className="danger">
            {t('attention.discardConfirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
