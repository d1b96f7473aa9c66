import { useState, type FormEvent } from 'react';
import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { ActionError } from '../ui/status';
import { useOpeningHours, useSaveOpeningHours, useUpdateKiosk } from './kiosk-api';
import { type OpeningHours, OpeningHoursFields } from './opening-hours-fields';
import { ZoneField } from './zone-field';

export function EditKioskDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(kiosk.name);
  const [zone, setZone] = useState(kiosk.timeZone);
  const stored = useOpeningHours(kiosk.id);
  // Undefined until the operator touches the field group: the stored hours are shown and saved unchanged.
  const [hours, setHours] = useState<OpeningHours | null | undefined>(undefined);
  const openingHours = hours === undefined ? (stored.data ?? null) : hours;
  const update = useUpdateKiosk();
  const saveHours = useSaveOpeningHours();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saveThenClose = () =>
      hours === undefined
        ? onClose()
        : saveHours.mutate({ id: kiosk.id, openingHours }, { onSuccess: onClose });
    update.mutate({ id: kiosk.id, name: name.trim(), timeZone: zone.trim() }, { onSuccess: saveThenClose });
  };
  return (
    <Modal title={t('kiosks.editTitle', { name: kiosk.name })} onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          {t('kiosks.name')}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ZoneField value={zone} onChange={setZone} />
        {stored.isSuccess && <OpeningHoursFields value={openingHours} onChange={setHours} />}
        <ActionError error={update.error ?? saveHours.error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={update.isPending || saveHours.isPending}>
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
