/**
 * The pairing code of a kiosk, large enough to type from across a desk, and a QR code of `/#pair=<code>` at the
 * address tablets reach the server by (`pairing-address.ts`), with a plain warning when no tablet can reach it.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/modal';
import { localOnlyHost, pairingOrigin, pairingUrl, usePublicUrl } from './pairing-address';

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
  const publicUrl = usePublicUrl();
  const origin = publicUrl.isPending ? null : pairingOrigin(publicUrl.data, window.location.origin);
  const url = origin === null ? null : pairingUrl(origin, code);
  const localHost = origin === null ? null : localOnlyHost(origin);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    void QRCode.toDataURL(url, { margin: 1, width: 240 }).then((data) => {
      if (live) setQr(data);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Modal title={t('kiosks.pairTitle', { name: kioskName })} onClose={onClose}>
      <p>
        {t('kiosks.pairingCode')}:{' '}
        <strong className="pairing-code" data-testid="pairing-code">
          {code}
        </strong>
      </p>
      {localHost && (
        <p role="alert" className="warning">
          {t('kiosks.localOnly', { host: localHost })}
        </p>
      )}
      {qr && <img src={qr} width={240} height={240} alt={t('kiosks.qrAlt')} />}
      <p className="muted">{t('kiosks.pairHelp')}</p>
      {url && (
        <p className="muted url">
          {t('kiosks.pairingLink')}: <a href={url}>{url}</a>
        </p>
      )}
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('kiosks.close')}
      </button>
    </Modal>
  );
}
