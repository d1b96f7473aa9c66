/**
 * Headless Chromium for the kiosk sections: Debian's /usr/bin/chromium when present (or CHROMIUM_PATH), else
 * Playwright's own. The kiosk is built (dist/) once per bench run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}

const built = new Set<string>();

/**
 * Builds the kiosk once per bench run, so the kiosk sections never measure a `dist/` left from older sources (the
 * weight and the answer times are those of the code as it is now).
 */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  if (built.has(root)) return;
  log('building the kiosk (vite build)');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: root,
    stdio: 'ignore',
  });
  built.add(root);
}

/** The idle screen's heading (English: the browser's locale is en-US). */
export const IDLE_HEADING = 'Scan your badge or enter your email';

/**
 * An init script: records `performance.now()` (from the navigation's start) when the idle heading is first in the
 * DOM and then painted (two animation frames later), as `window.__benchIdleAtMs`.
 */
export const IDLE_PROBE = `(() => {
  const seen = () => [...document.querySelectorAll('main h1')].some((h) => h.textContent === ${JSON.stringify(IDLE_HEADING)});
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__benchIdleAtMs = performance.now(); }));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
