import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * Forgets this kiosk's pairing, for a tablet that moves or gets a new kiosk in the console. The punches still on
 * the device stay in its outbox and are sent once it is paired again (the setup screen says how many).
 */
export function UnpairButton({ onUnpair }: { onUnpair: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        {t('unpair')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('unpair')} className="unpair-confirm">
      <p>{t('unpairConfirm')}</p>
      <button type="button" className="danger" onClick={onUnpair}>
        {t('unpair')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
