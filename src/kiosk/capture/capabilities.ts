/** Camera QR and Web NFC exist only in some browsers (Chromium on Android for NFC); the buttons show only there. */
export const canScanQr = (): boolean =>
  typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

export const canReadNfc = (): boolean => typeof window !== 'undefined' && 'NDEFReader' in window;
