import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { EmployeeRef } from '../../../core/punch';
import { useI18n } from '../i18n/i18n-context';
import { refFromInput } from '../punch/employee-ref';
import { canReadNfc, canScanQr } from './capabilities';
import { readNfcBadges } from './nfc';

// Fetched when the camera is first asked for (the service worker keeps it for offline use), so the idle screen
// loads without it.
const QrScanner = lazy(() => import('./qr-scanner').then((m) => ({ default: m.QrScanner })));

interface Props {
  onPunch: (ref: EmployeeRef) => void;
  onActiveChange: (active: boolean) => void;
}

/** QR by camera and NFC, each only where the browser has it. */
export function CaptureButtons({ onPunch, onActiveChange }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'none' | 'qr' | 'nfc'>('none');
  const close = useCallback(() => setMode('none'), []);
  const read = useCallback(
    (value: string) => {
      const ref = refFromInput(value);
      if (ref) onPunch(ref);
      setMode((current) => (current === 'qr' ? 'none' : current));
    },
    [onPunch],
  );

  useEffect(() => onActiveChange(mode === 'qr'), [mode, onActiveChange]);
  useEffect(() => (mode === 'nfc' ? readNfcBadges(read) : undefined), [mode, read]);

  const qr = canScanQr();
  const nfc = canReadNfc();
  if (!qr && !nfc) return null;
  return (
    <div className="capture">
      {qr && (
        <button type="button" onClick={() => setMode('qr')}>
          {t('scanQr')}
        </button>
      )}
      {nfc && (
        <button
          type="button"
          aria-pressed={mode === 'nfc'}
          onClick={() => setMode(mode === 'nfc' ? 'none' : 'nfc')}
        >
          {t('tapNfc')}
        </button>
      )}
      {mode === 'nfc' && <p>{t('nfcHint')}</p>}
      {mode === 'qr' && (
        <Suspense fallback={null}>
          <QrScanner onRead={read} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
