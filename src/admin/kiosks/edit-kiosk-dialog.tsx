import { useState, type FormEvent } from 'react';
import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import { useUpdateKiosk } from './kiosk-api';
import { ZoneField } from './zone-field';

export function EditKioskDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(kiosk.name);
  const [zone, setZone] = useState(kiosk.timeZone);
  const update = useUpdateKiosk();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: kiosk.id, name: name.trim(), timeZone: zone.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal title={t('kiosks.editTitle', { name: kiosk.name })} onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          {t('kiosks.name')}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ZoneField value={zone} onChange={setZone} />
        <ActionError error={update.error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('common.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
