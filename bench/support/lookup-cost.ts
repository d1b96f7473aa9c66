/**
 * What the kiosk's directory lookup costs per scan in Chromium, now (the real `core/identifier-hash.ts`, compiled
 * for the page) and as before (PBKDF2-SHA256 with 8,000 rounds, a digest, and the sealed name opened with AES-GCM),
 * at full speed and with the CPU throttled 4×. The two alternate scan by scan, so that a busy machine weighs on
 * both alike: the difference is what the slower derivation adds to the kiosk's answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformWithOxc } from 'vite';
import { IDENTIFIER_HASH } from '../../core/identifier-hash';
import { report, round, type Figure } from '../section';
import { launchChromium } from './browser';

const SCANS = 40;
const ORIGIN = 'http://localhost/';

/** The lookup as it was: derive, digest the tag, import the AES key, open a sealed name. */
const BEFORE = `async (normalized, salt) => {
  const enc = new TextEncoder();
  const password = await crypto.subtle.importKey('raw', enc.encode(normalized), 'PBKDF2', false, ['deriveBits']);
  const secret = new Uint8Array(await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(salt), iterations: 8000 }, password, 256));
  const tag = await crypto.subtle.digest('SHA-256', new Uint8Array([...enc.encode('tag:'), ...secret]));
  const raw = await crypto.subtle.digest('SHA-256', new Uint8Array([...enc.encode('name:'), ...secret]));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, enc.encode('Ada Lovelace'));
  await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  return tag;
}`;

export interface LookupCost {
  beforeMs: number[];
  nowMs: number[];
}

export async function measureLookupCost(root: string, cpuThrottle: number): Promise<LookupCost> {
  const source = readFileSync(path.join(root, 'core', 'identifier-hash.ts'), 'utf8');
  const { code } = await transformWithOxc(source, 'identifier-hash.ts', { lang: 'ts' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(ORIGIN, (route) => route.fulfill({ body: '<!doctype html><title>lookup</title>' }));
    await page.goto(ORIGIN);
    await page.addScriptTag({
      type: 'module',
      content: `${code}\nwindow.__now = identifierTag; window.__before = ${BEFORE};`,
    });
    await page.waitForFunction(() => '__now' in window);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    const run = { scans: SCANS, iterations: IDENTIFIER_HASH.iterations };
    return await page.evaluate(async ({ scans, iterations }) => {
      const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const parameters = { salt: 'bench-salt', pepper: 'bench-pepper', iterations };
      const cost: { beforeMs: number[]; nowMs: number[] } = { beforeMs: [], nowMs: [] };
      for (let i = 0; i < scans; i += 1) {
        let startedMs = performance.now();
        await w.__before?.(`B-${1000 + i}`, 'bench-salt');
        cost.beforeMs.push(performance.now() - startedMs);
        startedMs = performance.now();
        await w.__now?.(`B-${1000 + i}`, parameters);
        cost.nowMs.push(performance.now() - startedMs);
      }
      return cost;
    }, run);
  } finally {
    await browser.close();
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The lookup's cost per scan, before and now, at full speed and throttled 4×, as the section's figures. */
export async function lookupFigures(root: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const throttle of [1, 4]) {
    const cost = await measureLookupCost(root, throttle);
    const label = throttle === 1 ? 'full speed' : `CPU ${throttle}× slower`;
    figures.push(
      report(`kiosk lookup p50 as before, ${label}`, round(percentile(cost.beforeMs, 50), 1), 'ms'),
      report(`kiosk lookup p50 now, ${label}`, round(percentile(cost.nowMs, 50), 1), 'ms'),
      report(`kiosk lookup p95 now, ${label}`, round(percentile(cost.nowMs, 95), 1), 'ms'),
    );
  }
  return figures;
}
