import { useState, type FormEvent } from 'react';
import { MAX_IDENTIFIER_LENGTH } from '../../../core/identifiers';
import { employeeRefOf, type EmployeeIdField } from '../../../core/punch';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import type { PunchAction } from './attention-api';

type Kind = EmployeeIdField;
/** In the order an operator most often has them to hand. */
const KINDS: readonly Kind[] = ['externalId', 'email', 'userId'];

export function ReassignDialog({
  onAct,
  error,
  onClose,
}: {
  onAct: (action: PunchAction) => void;
  error: Error | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('externalId');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAct({ kind: 'reassign', employee: employeeRefOf(kind, value.trim()), reason: reason.trim() });
  };
  return (
    <Modal title={t('attention.reassignTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          {t('attention.identifierKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`attention.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('attention.identifier')}
          <input
            required
            maxLength={MAX_IDENTIFIER_LENGTH}
            type={kind === 'email' ? 'email' : 'text'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <label className="field">
          {t('common.reason')}
          <textarea required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ActionError error={error} />
        <div className="buttons">
          <button type="submit" className="primary">
            {t('attention.reassignConfirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
