/**
 * The kiosk sections' world: a simulator of 500 employees, the real server as its own process pointed at it, a
 * kiosk created through the admin API, and headless Chromium.
 */
import type { Browser } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../../server/simulator';
import { ensureBuilt, launchChromium } from './browser';
import { benchCompany } from './company';
import { createKiosk, startServerChild, waitForDirectory, type ServerChild } from './server-child';

export const KIOSK_EMPLOYEES = 500;

export interface KioskRig {
  server: ServerChild;
  kenjo: RunningSimulator;
  browser: Browser;
  badges: string[];
  /** A fresh kiosk's pairing code (each browser context pairs its own kiosk). */
  newPairingCode(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openKioskRig(root: string, log: (line: string) => void): Promise<KioskRig> {
  ensureBuilt(root, log);
  const employees = benchCompany(KIOSK_EMPLOYEES);
  const kenjo = await startSimulator({ port: 0, employees });
  const server = await startServerChild(root, {
    KENJO_API_URL: kenjo.baseUrl,
    KENJO_API_KEY: 'demo-api-key',
    TIME_ZONE: 'Europe/Berlin',
  }).catch(async (err: unknown) => {
    await kenjo.close();
    throw err;
  });
  // A fresh installation derives every identifier's slow digest once, for its first kiosk: done here, so that the
  // sections measure the kiosk and not that one-time cost (the directory-privacy section measures it).
  const warmUpStartedMs = performance.now();
  await waitForDirectory(server.url, (await createKiosk(server.url, 'Bench warm-up')).token, 300_000).catch(
    async (err: unknown) => {
      await server.stop();
      await kenjo.close();
      throw err;
    },
  );
  log(
    `directory derived for the first kiosk in ${((performance.now() - warmUpStartedMs) / 1000).toFixed(1)} s`,
  );
  const browser = await launchChromium().catch(async (err: unknown) => {
    await server.stop();
    await kenjo.close();
    throw err;
  });
  return {
    server,
    kenjo,
    browser,
    badges: employees.map((e) => e.externalId ?? e.email),
    newPairingCode: async (name) => (await createKiosk(server.url, name)).pairingCode,
    async close() {
      await browser.close();
      await server.stop();
      await kenjo.close();
    },
  };
}
