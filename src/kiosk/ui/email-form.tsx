import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { EmployeeRef } from '../../../core/punch';
import { useI18n } from '../i18n/i18n-context';
import { BADGE_MAX_AVERAGE_GAP_MS } from '../input/badge-buffer';
import type { InputAnswer } from '../punch/feedback-store';

/**
 * Punch by email. Text with an `@` is an email; text without one is a badge only when it came at a badge reader's
 * pace (a reader scanning into this field), otherwise the person is told it is not an email address.
 */
interface Props {
  onPunch: (ref: EmployeeRef) => void;
  onAnswer: (answer: InputAnswer) => void;
  /** Someone is typing: the kiosk is not idle. */
  onDraftChange: (hasDraft: boolean) => void;
}

export function EmailForm({ onPunch, onAnswer, onDraftChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const keys = useRef<number[]>([]);

  const clear = () => {
    setValue('');
    keys.current = [];
    onDraftChange(false);
    // Leave the field so that the next badge scan reaches the page-wide reader.
    input.current?.blur();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (text === '') onAnswer({ kind: 'empty' });
    else if (text.includes('@')) onPunch({ email: text.toLowerCase() });
    else if (cameFromReader(keys.current, text.length)) onPunch({ externalId: text });
    else onAnswer({ kind: 'not-an-email', value: text });
    clear();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key.length === 1) keys.current.push(event.timeStamp);
  };

  return (
    <form className="email-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('emailLabel')}</label>
      <div className="email-row">
        <input
          ref={input}
          id={id}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="go"
          placeholder={t('emailPlaceholder')}
          value={value}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            setValue(event.target.value);
            if (event.target.value === '') keys.current = [];
            onDraftChange(event.target.value !== '');
          }}
        />
        <button type="submit">{t('punchButton')}</button>
      </div>
    </form>
  );
}

/** Every character typed, at a reader's average pace. */
function cameFromReader(keyTimes: readonly number[], length: number): boolean {
  if (keyTimes.length < length || keyTimes.length < 2) return false;
  const first = keyTimes[0] ?? 0;
  const last = keyTimes.at(-1) ?? 0;
  return (last - first) / (keyTimes.length - 1) <= BADGE_MAX_AVERAGE_GAP_MS;
}
