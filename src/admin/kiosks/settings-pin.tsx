/**
 * The PIN that opens every kiosk's settings (full screen, sound, default language, unpairing). The server keeps a
 * salted hash of it and gives that to the kiosks, which check the PIN on the device, offline too; a kiosk learns of
 * a new PIN when it next reads its configuration (within minutes, or at its next start).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SETTINGS_PIN } from '../../../core/settings-pin';
import { get, request } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ActionError, QueryState } from '../ui/status';

const PATH = '/api/v1/admin/kiosk-settings-pin';
const KEY = ['kiosk-settings-pin'] as const;

function usePinState() {
  return useQuery({ queryKey: KEY, queryFn: () => get<{ set: boolean }>(PATH), select: (data) => data.set });
}

function usePinChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pin: string | null) =>
      pin === null
        ? request<{ set: boolean }>('DELETE', PATH)
        : request<{ set: boolean }>('PUT', PATH, { pin }),
    onSuccess: (answer) => client.setQueryData(KEY, answer),
  });
}

export function SettingsPin() {
  const { t } = useI18n();
  const state = usePinState();
  const change = usePinChange();
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(pin, { onSuccess: () => setPin('') });
  };
  return (
    <section aria-labelledby="settings-pin-title" className="card">
      <h3 id="settings-pin-title">{t('pin.title')}</h3>
      <p>{t('pin.help')}</p>
      <QueryState isPending={state.isPending} error={state.error} />
      {state.data !== undefined && <p role="status">{state.data ? t('pin.isSet') : t('pin.notSet')}</p>}
      <form onSubmit={submit} className="inline-form">
        <label className="field">
          {state.data ? t('pin.new') : t('pin.label')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            required
            pattern={`\\d{${SETTINGS_PIN.minLength},${SETTINGS_PIN.maxLength}}`}
            minLength={SETTINGS_PIN.minLength}
            maxLength={SETTINGS_PIN.maxLength}
            value={pin}
            aria-describedby="settings-pin-rule"
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <span id="settings-pin-rule" className="muted">
          {t('pin.rule', { min: SETTINGS_PIN.minLength, max: SETTINGS_PIN.maxLength })}
        </span>
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('pin.save')}
        </button>
        {state.data && (
          <button
            type="button"
            className="danger"
            disabled={change.isPending}
            onClick={() => change.mutate(null)}
          >
            {t('pin.remove')}
          </button>
        )}
      </form>
      <ActionError error={change.error} />
    </section>
  );
}
