/**
 * Section: what a kiosk's offline directory costs an attacker who holds it, and what it costs the server. The
 * attacker enumerates the demo's 300 badges against one kiosk's directory, one guess after another, first against a
 * directory made as before (PBKDF2-SHA256 with 8,000 rounds, one salt per installation, reproduced here as the
 * baseline), then against today's (`core/identifier-hash.ts`). The server builds the demo directory for a first
 * kiosk (every slow digest derived), a second kiosk (none), and after a restart (digests read back from the ledger),
 * while the event loop's delay is sampled. Last, what one lookup costs the kiosk in Chromium, before and now.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { identifierTag, normalizedIdentifier } from '../core/identifier-hash';
import { directoryIdentifiers, kioskCopy } from '../server/directory/kiosk-copy';
import { saveSlowDigests, savedSlowDigests } from '../server/directory/saved-digests';
import { DEMO_EMPLOYEES } from '../server/simulator/employees';
import { against, report, round, type Section } from './section';
import { lookupFigures } from './support/lookup-cost';

const BEFORE_ITERATIONS = 8_000;
const IDLE_SAMPLE_MS = 3_000;
const encoder = new TextEncoder();

/** The tag as the directory made it before: PBKDF2-SHA256, 8,000 rounds, then SHA-256 of "tag:" and the secret. */
async function tagAsBefore(normalized: string, salt: string): Promise<string> {
  const password = await crypto.subtle.importKey('raw', encoder.encode(normalized), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const secret = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations: BEFORE_ITERATIONS },
      password,
      256,
    ),
  );
  const input = new Uint8Array([...encoder.encode('tag:'), ...secret]);
  return Buffer.from(await crypto.subtle.digest('SHA-256', input)).toString('hex');
}

/** Guesses one after another, as one core would; how long, and how many of the listed tags it recovered. */
async function enumerate(
  guesses: readonly string[],
  tags: ReadonlySet<string>,
  tagOf: (g: string) => Promise<string>,
) {
  const startedMs = performance.now();
  let recovered = 0;
  for (const guess of guesses) if (tags.has(await tagOf(guess))) recovered += 1;
  return { ms: performance.now() - startedMs, recovered };
}

function settingsInMemory() {
  const values = new Map<string, string>();
  return {
    getSetting: async (key: string) => values.get(key) ?? null,
    setSetting: async (key: string, value: string) => void values.set(key, value),
  };
}

export const section: Section = {
  name: 'directory-privacy',
  title: "Offline directory: an attacker's cost to enumerate 300 badges, and the server's cost to build it",
  async run({ root, log }) {
    const employees = DEMO_EMPLOYEES.map((e) => ({
      userId: e._id,
      email: e.email,
      externalId: e.externalId,
      isActive: e.isActive,
      displayName: e.displayName,
    }));
    const badges = employees.flatMap((e) => (e.externalId === null ? [] : [e.externalId]));
    const ledger = settingsInMemory();
    const [salt, secret] = ['bench-salt', 'bench-secret'];

    // The event loop's delay with nothing to do, then while every slow digest is derived: the difference is ours.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const digests = await savedSlowDigests(ledger, secret, salt);
    delay.enable();
    let startedMs = performance.now();
    const first = await kioskCopy({ kioskId: 'kiosk-1', employees, salt, secret, digests });
    const firstMs = performance.now() - startedMs;
    delay.disable();
    const derived = digests.derived();
    await saveSlowDigests(ledger, secret, salt, digests);
    log(`first kiosk: ${derived} slow digests in ${round(firstMs / 1000, 1)} s`);
    startedMs = performance.now();
    await kioskCopy({ kioskId: 'kiosk-2', employees, salt, secret, digests });
    const secondMs = performance.now() - startedMs;
    const restarted = await savedSlowDigests(ledger, secret, salt);
    startedMs = performance.now();
    await kioskCopy({ kioskId: 'kiosk-3', employees, salt, secret, digests: restarted });
    const restartMs = performance.now() - startedMs;

    const nowTags = new Set(first.employees.flatMap((e) => [e.badgeHash]).filter((t) => t !== null));
    const parameters = { salt: first.salt, pepper: first.pepper, iterations: first.hash.iterations };
    const now = await enumerate(badges, nowTags, (g) =>
      identifierTag(normalizedIdentifier('badge', g), parameters),
    );
    log(`enumeration now: ${now.recovered} badges in ${round(now.ms)} ms`);
    const beforeTags = new Set(
      await Promise.all(badges.filter((_, i) => employees[i]?.isActive).map((b) => tagAsBefore(b, salt))),
    );
    const before = await enumerate(badges, beforeTags, (g) =>
      tagAsBefore(normalizedIdentifier('badge', g), salt),
    );
    log(`enumeration before: ${before.recovered} badges in ${round(before.ms)} ms`);
    const lookup = await lookupFigures(root);

    return {
      figures: [
        report('enumerate 300 badges, directory as before (8,000 rounds)', round(before.ms / 1000, 2), 's'),
        report(
          `enumerate 300 badges, directory now (${first.hash.iterations.toLocaleString('en')} rounds)`,
          round(now.ms / 1000, 2),
          's',
        ),
        against('attacker cost now ÷ before', round(now.ms / before.ms, 1), '×', { op: '≥', limit: 5 }),
        ...lookup,
        report(
          'server: first kiosk, every slow digest derived',
          round(firstMs / 1000, 1),
          's',
          `${derived} identifiers`,
        ),
        report('server: event loop delay p99 while deriving', round(delay.percentile(99) / 1e6, 1), 'ms'),
        report('server: event loop delay p99 idle, for scale', round(idle.percentile(99) / 1e6, 1), 'ms'),
        report('server: a second kiosk', round(secondMs, 1), 'ms'),
        report('server: a kiosk after a restart (digests from the ledger)', round(restartMs, 1), 'ms'),
      ],
      notes: [
        `the demo company: ${employees.length} employees, ${directoryIdentifiers(employees).size} badges and emails; ` +
          `each attack recovers every active badge (${now.recovered} now, ${before.recovered} before): the tags cost ` +
          'time per guess, they do not stop an attacker who has it',
        'Node Web Crypto, one guess at a time (the ratio holds for any number of cores); each kiosk has its own ' +
          "pepper, so one kiosk's enumeration says nothing about another's tags",
        'kiosk lookup: headless Chromium, 40 scans, before and now alternating; what the answer time pays for it',
      ],
    };
  },
};
