/** Asks the browser not to evict the kiosk's storage (the outbox); `null` where the browser cannot tell. */
let persisted: Promise<boolean | null> | null = null;

export function requestPersistentStorage(): Promise<boolean | null> {
  persisted ??= (async () => {
    if (!navigator.storage?.persist) return null;
    try {
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch {
      return null;
    }
  })();
  return persisted;
}
