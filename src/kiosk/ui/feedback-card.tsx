import type { EmployeeRef } from '../../../core/punch';
import type { Translate } from '../i18n/catalogue';
import { en, type MessageKey } from '../i18n/en';
import { formatClockTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import type { HistoryEntry } from '../outbox/schema';
import type { Feedback } from '../punch/feedback-store';
import { usePunchOnDevice } from '../state/local-state';
import type { Connection } from '../sync/use-connection';
import { FeedbackIcon, type FeedbackTone } from './feedback-icon';

interface Props {
  feedback: Feedback;
  timeZone: string;
  connection: Connection;
  onDismiss: () => void;
}

const valueOf = (ref: EmployeeRef) =>
  'email' in ref ? ref.email : 'externalId' in ref ? ref.externalId : ref.userId;

/** The proxy's refusal in the kiosk's language when it sent a code, else its own sentence. */
export function refusalText(
  t: Translate,
  entry: Pick<HistoryEntry, 'reason' | 'reasonCode' | 'reasonParams'>,
) {
  const key = `reason.${entry.reasonCode ?? ''}`;
  if (key in en) return t(key as MessageKey, entry.reasonParams);
  return t('rejectedByServer', { reason: entry.reason ?? '' });
}

/** The answer to one punch or input, big and coloured by its kind, readable from a step away. */
export function FeedbackCard({ feedback, timeZone, connection, onDismiss }: Props) {
  const { t } = useI18n();
  switch (feedback.kind) {
    case 'recorded':
      return <RecordedCard {...{ feedback, timeZone, connection, onDismiss }} />;
    case 'double-scan':
      return (
        <Card tone="notice" title={feedback.name ?? t('welcomeNoName')} onDismiss={onDismiss}>
          <p className="feedback-time">
            {t('alreadyRecorded', { time: formatClockTime(feedback.firstAtMs, timeZone) })}
          </p>
        </Card>
      );
    case 'unknown': {
      const value = valueOf(feedback.ref);
      const title = 'email' in feedback.ref ? t('unknownEmail', { value }) : t('unknownBadge', { value });
      return <Card tone="error" title={title} onDismiss={onDismiss} />;
    }
    case 'inactive':
      return <Card tone="error" title={t('inactiveEmployee')} onDismiss={onDismiss} />;
    case 'not-an-email':
      return <Card tone="error" title={t('notAnEmail', { value: feedback.value })} onDismiss={onDismiss} />;
    case 'invalid':
      return (
        <Card
          tone="error"
          title={'email' in feedback.ref ? t('notAnEmail', { value: feedback.ref.email }) : t('invalidInput')}
          onDismiss={onDismiss}
        />
      );
    case 'empty':
      return <Card tone="notice" title={t('emptyInput')} onDismiss={onDismiss} />;
    case 'save-failed':
      return <Card tone="error" title={t('saveFailed')} onDismiss={onDismiss} />;
  }
}

function RecordedCard({
  feedback,
  timeZone,
  connection,
  onDismiss,
}: Props & { feedback: { kind: 'recorded' } }) {
  const { t } = useI18n();
  const { entry, name: told } = usePunchOnDevice(feedback.id, feedback.employeeKey, feedback.name);
  const state = entry?.state ?? 'waiting';
  const isIn = feedback.direction === 'in';
  // Named from an earlier answer at this kiosk, or else from the proxy's answer to this punch once it arrives.
  const name = feedback.name ?? told;
  const title = isIn
    ? name
      ? t('welcome', { name })
      : t('welcomeNoName')
    : name
      ? t('goodbye', { name })
      : t('goodbyeNoName');
  const time = formatClockTime(feedback.atMs, timeZone);
  const offline = state === 'waiting' && connection !== 'online';
  if (state === 'rejected' && entry) {
    return <Card tone="error" title={refusalText(t, entry)} onDismiss={onDismiss} />;
  }
  return (
    <Card tone={isIn ? 'in' : 'out'} title={title} offline={offline} onDismiss={onDismiss}>
      <p className="feedback-time">{t(isIn ? 'clockedInAt' : 'clockedOutAt', { time })}</p>
      {feedback.workedMs !== null && (
        <p className="feedback-line">{t('workedToday', { duration: formatWorked(feedback.workedMs, t) })}</p>
      )}
      <p className="feedback-line feedback-sync">
        {offline ? t('offlineNote') : state === 'waiting' ? t('savedOnDevice') : t('sentToServer')}
      </p>
    </Card>
  );
}

export function formatWorked(ms: number, t: Translate): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('hoursMinutes', { h, m }) : t('minutesOnly', { m });
}

function Card(props: {
  tone: FeedbackTone;
  title: string;
  offline?: boolean;
  onDismiss: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div
      className={`feedback feedback-${props.tone}${props.offline ? ' feedback-offline' : ''}`}
      onClick={props.onDismiss}
    >
      <FeedbackIcon kind={props.tone} />
      <p className="feedback-title">{props.title}</p>
      {props.children}
      {props.offline && (
        <p className="feedback-badge">
          <FeedbackIcon kind="offline" /> {t('offline')}
        </p>
      )}
    </div>
  );
}
