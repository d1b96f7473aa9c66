import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { SettingsPanelProps } from './settings-panel';

// Fetched when first opened (the service worker keeps it for offline use), so the idle screen loads without it.
const SettingsPanel = lazy(() => import('./settings-panel').then((m) => ({ default: m.SettingsPanel })));

/**
 * The device settings a manager touches (default language, sound, full screen, unpairing), remembered on the device
 * and kept behind one small button so the employee's screen stays clear. With a settings PIN set in the console
 * they open only with it, and lock again when the panel closes.
 */
export function Toolbar(props: SettingsPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="settings" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="settings-label">{t('settings')}</span>
      </summary>
      {open && (
        <Suspense fallback={null}>
          <SettingsPanel {...props} />
        </Suspense>
      )}
    </details>
  );
}
