import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { usePendingCount } from '../state/local-state';
import { DemoBanner, useProxyDemoMode } from './demo-banner';
import { type PairingState } from './use-pairing';

interface Props {
  pairing: PairingState;
  onPair: (code: string) => void;
  revoked: boolean;
}

/** An unpaired (or revoked) kiosk: exchange a pairing code from the admin console for the kiosk's token. */
export function SetupScreen({ pairing, onPair, revoked }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const pending = usePendingCount();
  const demoMode = useProxyDemoMode();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '') onPair(code.trim());
  };

  return (
    <main className="setup">
      {demoMode && <DemoBanner />}
      <h1>{t('setupHeading')}</h1>
      {revoked && <p className="notice notice-error">{t('revoked')}</p>}
      {pending > 0 && <p className="notice">{t('keptOnDevice', { count: pending })}</p>}
      <p>{t('setupIntro')}</p>
      <form onSubmit={submit} className="setup-form">
        <label htmlFor={id}>{t('pairingCodeLabel')}</label>
        <input
          id={id}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
        />
        <button type="submit" disabled={pairing.kind === 'pairing'}>
          {pairing.kind === 'pairing' ? t('pairing') : t('pairButton')}
        </button>
      </form>
      <div role="status" aria-live="polite" className="setup-result">
        {pairing.kind === 'failed' && (
          <p className="notice notice-error">
            {pairing.reason === 'unreachable' ? t('pairingUnreachable') : t('pairingFailed')}
          </p>
        )}
      </div>
    </main>
  );
}
