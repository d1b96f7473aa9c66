/**
 * The pairing code of a kiosk, large enough to type from across a desk, and a QR code of `/#pair=<code>` on this
 * server so the tablet's camera can pair it in one step.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';

export function pairingUrl(origin: string, code: string): string {
  return `${origin}/#pair=${encodeURIComponent(code)}`;
}

export function PairingDialog({
  kioskName,
  code,
  onClose,
}: {
  kioskName: string;
  code: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(pairingUrl(window.location.origin, code), { margin: 1, width: 240 }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <Modal title={t('kiosks.pairTitle', { name: kioskName })} onClose={onClose}>
      <p>
        {t('kiosks.pairingCode')}:{' '}
        <strong className="pairing-code" data-testid="pairing-code">
          {code}
        </strong>
      </p>
      {qr && <img src={qr} width={240} height={240} alt={t('kiosks.qrAlt')} />}
      <p className="muted">{t('kiosks.pairHelp')}</p>
      <p className="muted url">{pairingUrl(window.location.origin, code)}</p>
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('kiosks.close')}
      </button>
    </Modal>
  );
}
