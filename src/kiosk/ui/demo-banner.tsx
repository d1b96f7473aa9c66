import { useQuery } from '@tanstack/react-query';
import { fetchDemoMode } from '../api/kiosk-api';
import { useI18n } from '../i18n/i18n-context';

/** Says loudly that this proxy answers with its built-in Kenjo simulator: no punch reaches a real Kenjo. */
export function DemoBanner() {
  const { t } = useI18n();
  return (
    <p className="demo-banner" role="note">
      {t('demoBanner')}
    </p>
  );
}

/**
 * Demo mode before the kiosk is paired, when it has no configuration yet: the proxy's public health answer says it.
 * Unknown (offline, or the proxy down) reads as no banner.
 */
export function useProxyDemoMode(): boolean {
  return (
    useQuery({ queryKey: ['proxy', 'demo-mode'], queryFn: () => fetchDemoMode(fetch), staleTime: 60_000 })
      .data ?? false
  );
}
