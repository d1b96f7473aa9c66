import { useState, type FormEvent } from 'react';
import { type ConsoleConfig, useConsoleConfig } from '../api/console-config';
import { useI18n } from '../i18n/i18n';
import { ActionError } from '../ui/status';
import { useCreateKiosk } from './kiosk-api';
import { PairingDialog } from './pairing-dialog';
import { ZoneField } from './zone-field';

const serverTimeZone = (config: ConsoleConfig) => config.timeZone;

export function AddKiosk() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  // Until the operator picks one, a new kiosk gets the server's TIME_ZONE, not this browser's zone: the console may
  // be opened from another country, and a kiosk's zone decides the times Kenjo records.
  const [pickedZone, setZone] = useState<string | null>(null);
  const defaultZone = useConsoleConfig(serverTimeZone);
  const zone = pickedZone ?? defaultZone.data ?? '';
  const create = useCreateKiosk();
  const [paired, setPaired] = useState<{ name: string; code: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), timeZone: zone.trim() },
      {
        onSuccess: (created) => {
          setPaired({ name: name.trim(), code: created.pairingCode });
          setName('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="add-kiosk-title" className="card">
      <h3 id="add-kiosk-title">{t('kiosks.add')}</h3>
      <form onSubmit={submit} className="inline-form">
        <label className="field">
          {t('kiosks.name')}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ZoneField value={zone} onChange={setZone} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('kiosks.create')}
        </button>
      </form>
      <ActionError error={create.error} />
      {paired && <PairingDialog kioskName={paired.name} code={paired.code} onClose={() => setPaired(null)} />}
    </section>
  );
}
