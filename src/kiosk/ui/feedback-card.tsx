import { formatClockTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import type { Feedback } from '../punch/use-punch-controller';
import { usePunchState } from '../state/local-state';

interface Props {
  feedback: Feedback;
  timeZone: string;
  onDismiss: () => void;
}

/** The answer to one punch, big enough to read from a step away. */
export function FeedbackCard({ feedback, timeZone, onDismiss }: Props) {
  const { t } = useI18n();
  let tone: 'ok' | 'info' | 'error' = 'error';
  let title: string;
  let lines: string[] = [];
  switch (feedback.kind) {
    case 'recorded':
      return <RecordedCard feedback={feedback} timeZone={timeZone} onDismiss={onDismiss} />;
    case 'double-scan':
      tone = 'info';
      title = feedback.name ?? t('punchRecorded');
      lines = [t('alreadyRecorded', { time: formatClockTime(feedback.firstAtMs, timeZone) })];
      break;
    case 'unknown':
      title =
        'email' in feedback.ref
          ? t('unknownEmail', { value: feedback.ref.email })
          : t('unknownBadge', { value: 'externalId' in feedback.ref ? feedback.ref.externalId : '' });
      break;
    case 'invalid':
      title = t('invalidInput');
      break;
    case 'save-failed':
      title = t('saveFailed');
      break;
  }
  return <Card tone={tone} title={title} lines={lines} onDismiss={onDismiss} />;
}

function RecordedCard({ feedback, timeZone, onDismiss }: Props & { feedback: { kind: 'recorded' } }) {
  const { t } = useI18n();
  const entry = usePunchState(feedback.id);
  const state = entry?.state ?? 'waiting';
  const sync =
    state === 'waiting'
      ? t('savedOnDevice')
      : state === 'rejected'
        ? t('rejectedByServer', { reason: entry?.reason ?? '' })
        : t('sentToServer');
  const direction = t(feedback.direction === 'in' ? 'clockedIn' : 'clockedOut');
  return (
    <Card
      tone={state === 'rejected' ? 'error' : 'ok'}
      title={feedback.name ?? t('punchRecorded')}
      lines={[`${direction} ${t('atTime', { time: formatClockTime(feedback.atMs, timeZone) })}`, sync]}
      onDismiss={onDismiss}
    />
  );
}

function Card(props: { tone: string; title: string; lines: string[]; onDismiss: () => void }) {
  return (
    <div className={`feedback feedback-${props.tone}`} onClick={props.onDismiss}>
      <p className="feedback-title">{props.title}</p>
      {props.lines.map((line) => (
        <p key={line} className="feedback-line">
          {line}
        </p>
      ))}
    </div>
  );
}
