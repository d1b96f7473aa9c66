/**
 * Web NFC: a badge's text record when it carries one (the badge number written on it), else the tag's serial
 * number. Reading continues until `stop` is called.
 */
export function readNfcBadges(onBadge: (badge: string) => void): () => void {
  const controller = new AbortController();
  const reader = new NDEFReader();
  reader.onreading = (event) => {
    const text = event.message.records.find((record) => record.recordType === 'text' && record.data);
    const value = text?.data
      ? new TextDecoder(text.encoding ?? 'utf-8').decode(text.data)
      : event.serialNumber;
    if (value.trim() !== '') onBadge(value.trim());
  };
  reader.scan({ signal: controller.signal }).catch(() => controller.abort());
  return () => controller.abort();
}
