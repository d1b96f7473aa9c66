import { useState, type FormEvent } from 'react';
import { pinOpens, type SettingsLock } from '../../../core/settings-pin';
import { useI18n } from '../i18n/i18n-context';

/** After this many wrong PINs in a row, the form waits `WAIT_MS` before it takes another. */
const TRIES = 5;
const WAIT_MS = 30_000;

/**
 * Asks for the settings PIN and checks it on the device against the lock the server sent (a salted slow hash), so
 * the settings open offline too. Wrong guesses in a row make it wait, which slows guessing at the kiosk itself.
 */
export function SettingsPinForm({ lock, onUnlocked }: { lock: SettingsLock; onUnlocked: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(0);
  const [waitUntilMs, setWaitUntilMs] = useState(0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || Date.now() < waitUntilMs) return;
    setChecking(true);
    const opens = await pinOpens(pin, lock);
    setChecking(false);
    setPin('');
    if (opens) {
      setWrong(0);
      onUnlocked();
      return;
    }
    const tries = wrong + 1;
    setWrong(tries);
    if (tries % TRIES === 0) setWaitUntilMs(Date.now() + WAIT_MS);
  };
  return (
    <form className="toolbar settings-pin" onSubmit={(event) => void submit(event)}>
      <label className="language">
        <span>{t('settingsPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          autoFocus
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
      </label>
      <button type="submit" disabled={checking}>
        {t('unlock')}
      </button>
      {wrong > 0 && (
        <p role="alert" className="settings-pin-wrong">
          {wrong % TRIES === 0 ? t('pinWait', { count: WAIT_MS / 1000 }) : t('wrongPin')}
        </p>
      )}
    </form>
  );
}
