import { useId, useRef, useState, type FormEvent } from 'react';
import type { EmployeeRef } from '../../../core/punch';
import { useI18n } from '../i18n/i18n-context';
import { refFromInput } from '../punch/employee-ref';

/** Punch by email. A badge scanned into this field still punches by badge (`refFromInput`). */
interface Props {
  onPunch: (ref: EmployeeRef) => void;
  /** Someone is typing: the kiosk is not idle. */
  onDraftChange: (hasDraft: boolean) => void;
}

export function EmailForm({ onPunch, onDraftChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ref = refFromInput(value);
    if (!ref) return;
    onPunch(ref);
    setValue('');
    onDraftChange(false);
    // Leave the field so that the next badge scan reaches the page-wide reader.
    input.current?.blur();
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
          onChange={(event) => {
            setValue(event.target.value);
            onDraftChange(event.target.value !== '');
          }}
        />
        <button type="submit">{t('punchButton')}</button>
      </div>
    </form>
  );
}
