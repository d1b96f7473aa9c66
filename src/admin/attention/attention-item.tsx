/** One punch that needs an operator: what it is, why it is stuck, who waits behind it, and the ways out. */
import { useState } from 'react';
import { isHeldForKenjoCheck } from '../../../core/held-punch';
import type { AttentionPunch } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatInZone, formatWallTime } from '../ui/format';
import { identifierLabel } from '../punches/identifier-label';
import { reasonLabel } from '../punches/reason-label';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ActionError, StatusBadge } from '../ui/status';
import { usePunchAction, type PunchAction } from './attention-api';
import { DiscardDialog } from './discard-dialog';
import { KenjoEntriesOfDay } from './kenjo-entries';
import { ReassignDialog } from './reassign-dialog';

export function AttentionItem({ punch, kioskName }: { punch: AttentionPunch; kioskName: string }) {
  const { t, language } = useI18n();
  const action = usePunchAction(punch);
  const [dialog, setDialog] = useState<'discard' | 'reassign' | 'confirm' | 'retry' | null>(null);
  const who = punch.employeeName ?? identifierLabel(punch.employee, t);
  const act = (next: PunchAction) => action.mutate(next, { onSuccess: () => setDialog(null) });
  // Kenjo may already have it: the operator checks Kenjo's entries, then confirms or sends it again.
  const held = punch.status === 'failed' && isHeldForKenjoCheck(punch.reason, punch.reasonCode);
  return (
    <li className="card attention-item">
      <h3>
        {who} <StatusBadge status={punch.status} />
      </h3>
      <dl className="facts">
        <dt>{t('punch.employee')}</dt>
        <dd>{identifierLabel(punch.employee, t)}</dd>
        <dt>{t('punch.kiosk')}</dt>
        <dd>{kioskName}</dd>
        <dt>{t('punch.at')}</dt>
        <dd>{formatInZone(punch.at, language, punch.timeZone)}</dd>
        <dt>{t('punch.kenjoDateTime')}</dt>
        <dd>{formatWallTime(punch.kenjoDateTime, language)}</dd>
        <dt>{t('common.reason')}</dt>
        <dd>{reasonLabel(punch.reason, punch.reasonCode, t, language) ?? punch.lastError ?? '—'}</dd>
        <dt>{t('punch.attempts')}</dt>
        <dd>{punch.attempts}</dd>
      </dl>
      {punch.heldBehind > 0 && <p className="warning">{t('attention.held', { count: punch.heldBehind })}</p>}
      {held && <KenjoEntriesOfDay punch={punch} />}
      <div role="group" aria-label={t('attention.actionsFor', { employee: who })} className="buttons">
        {held && (
          <button type="button" onClick={() => setDialog('confirm')} disabled={action.isPending}>
            {t('attention.confirm')}
          </button>
        )}
        {/* A punch in doubt sent again may reach Kenjo twice: that one asks first, like confirming it. */}
        <button
          type="button"
          onClick={() => (held ? setDialog('retry') : act({ kind: 'retry' }))}
          disabled={action.isPending}
        >
          {t('attention.retry')}
        </button>
        <button type="button" onClick={() => setDialog('reassign')}>
          {t('attention.reassign')}
        </button>
        <button type="button" className="danger" onClick={() => setDialog('discard')}>
          {t('attention.discard')}
        </button>
      </div>
      {dialog === null && <ActionError error={action.error} />}
      {dialog === 'discard' && (
        <DiscardDialog onAct={act} error={action.error} onClose={() => setDialog(null)} />
      )}
      {(dialog === 'confirm' || dialog === 'retry') && (
        <ConfirmDialog
          title={t(dialog === 'confirm' ? 'attention.confirm' : 'attention.retry')}
          question={t(dialog === 'confirm' ? 'attention.confirmQuestion' : 'attention.retryQuestion')}
          onConfirm={() => act({ kind: dialog })}
          error={action.error}
          pending={action.isPending}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reassign' && (
        <ReassignDialog onAct={act} error={action.error} onClose={() => setDialog(null)} />
      )}
    </li>
  );
}
