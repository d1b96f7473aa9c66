import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';

const SCAN_INTERVAL_MS = 250;

/** A camera preview that reports the first QR code it reads, then stops the camera. */
export function QrScanner({ onRead, onClose }: { onRead: (value: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let done = false;
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' } });
        if (done || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current || done) return;
          const [code] = await detector.detect(video.current).catch(() => []);
          if (code?.rawValue && !done) {
            done = true;
            onRead(code.rawValue);
          }
        }, SCAN_INTERVAL_MS);
      } catch {
        onClose();
      }
    })();
    return () => {
      done = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onRead, onClose]);

  return (
    <div className="qr-scanner">
      <p>{t('qrHint')}</p>
      <video ref={video} muted playsInline />
      <button type="button" onClick={onClose}>
        {t('cancel')}
      </button>
    </div>
  );
}
