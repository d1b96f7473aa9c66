/**
 * Pairing: the code typed on the setup screen or carried by `/#pair=<code>` is exchanged for the kiosk's token,
 * which goes to IndexedDB and is never shown again. The hash is cleared at once so the code leaves the address bar.
 */
import { useCallback, useEffect, useState } from 'react';
import { UnreachableError } from '../api/http';
import { pairKiosk } from '../api/kiosk-api';
import { DEFAULT_MAX_SHIFT_HOURS } from '../../../core/attendance-day';
import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../../../core/double-scan';
import type { KioskConfig } from '../api/types';
import { forgetNames } from '../outbox/names';
import { deleteSetting, writeSetting } from '../outbox/settings';

export type PairingState =
  { kind: 'idle' } | { kind: 'pairing' } | { kind: 'failed'; reason: 'invalid' | 'unreachable' };

export interface Paired {
  token: string;
  config: KioskConfig;
}

export function takePairingCodeFromHash(): string | null {
  const match = /^#pair=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return decodeURIComponent(match[1]);
}

/**
 * `paired`: the kiosk holds a token. Then a `#pair=` link is dropped from the address bar and does nothing: whoever
 * can navigate the tablet must not re-pair it; an operator re-pairs a kiosk by revoking it or from its setup screen.
 */
export function usePairing(onPaired: (paired: Paired) => void, paired: boolean) {
  const [state, setState] = useState<PairingState>({ kind: 'idle' });

  const pair = useCallback(
    async (code: string) => {
      setState({ kind: 'pairing' });
      try {
        const answer = await pairKiosk(fetch, code);
        // The full config (demo mode, double-scan window, longest shift) follows from /kiosk/config once paired.
        const config: KioskConfig = {
          kioskId: answer.kioskId,
          name: answer.name,
          timeZone: answer.timeZone,
          demoMode: false,
          doubleScanWindowS: DEFAULT_DOUBLE_SCAN_WINDOW_S,
          maxShiftHours: DEFAULT_MAX_SHIFT_HOURS,
          serverTime: new Date().toISOString(),
        };
        // Names told to an earlier pairing are not this kiosk's; its directory comes with the new token.
        await forgetNames();
        await deleteSetting('directory');
        await writeSetting('config', config);
        await writeSetting('token', answer.token);
        await deleteSetting('setupReason');
        setState({ kind: 'idle' });
        onPaired({ token: answer.token, config });
      } catch (error) {
        setState({ kind: 'failed', reason: error instanceof UnreachableError ? 'unreachable' : 'invalid' });
      }
    },
    [onPaired],
  );

  useEffect(() => {
    const fromHash = () => {
      const code = takePairingCodeFromHash();
      if (code && !paired) void pair(code);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [pair, paired]);

  return { state, pair };
}
