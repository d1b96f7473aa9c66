/**
 * Section 2: Kenjo calls per delivered punch. Without faults every punch should cost exactly one track-time call and
 * logins should be all but zero (one shared token). With the delivery tests' fault mix (5xx before and after the
 * write, dropped and stalled responses, 429 with Retry-After, tokens that expire every few seconds) the extra calls
 * are the price of exactly-once; the read-back GETs are what settles an ambiguous call.
 */
import { startSimulator, type Faults } from '../server/simulator';
import { recordingKenjo, type RecordedRequest } from '../server/testing/kenjo-openapi';
import { against, report, round, type Figure, type Section } from './section';
import { benchCompany } from './support/company';
import { checkDelivery, describeVerdict } from './support/ground-truth';
import { asLedgerRows, planPunches } from './support/punch-plan';
import { openReplayRig, SERVER_DEFAULTS } from './support/replay-rig';

const CLEAN_EMPLOYEES = 150;
const FAULTY_EMPLOYEES = 40;
const DRAIN_TIMEOUT_MS = 180_000;

export const FAULT_MIX: Partial<Faults> = {
  latencyMs: 5,
  serverErrorRate: 0.05,
  rateLimitRate: 0.02,
  retryAfterS: 1,
  commitThenFailRate: 0.05,
  commitThenFailModes: ['5xx', 'drop', 'stall'],
  stallMs: 2_000,
  tokenLifetimeS: 3,
};

interface Run {
  punches: number;
  delivered: number;
  trackTime: number;
  logins: number;
  readBacks: number;
  seconds: number;
  verdict: string;
  ok: boolean;
}

async function measure(employeeCount: number, faults: Partial<Faults>): Promise<Run> {
  const employees = benchCompany(employeeCount);
  const plan = planPunches(employees, 10);
  const running = await startSimulator({ port: 0, faults, employees, seed: 7 });
  // Counted on the wire, between the proxy and Kenjo: every attempt shows, including ones Kenjo refused.
  const recorded: RecordedRequest[] = [];
  const wire = await recordingKenjo(running.baseUrl, recorded);
  const count = (method: string, path: string) =>
    recorded.filter((request) => request.method === method && request.path === path).length;
  try {
    const rig = openReplayRig({
      baseUrl: wire.baseUrl,
      employees,
      rows: asLedgerRows(plan, 'bench-kiosk', Date.now()),
      concurrency: SERVER_DEFAULTS.REPLAY_CONCURRENCY,
    });
    const ms = await rig.drain(DRAIN_TIMEOUT_MS).finally(() => rig.replay.stop());
    const delivered = rig.ledger.countByStatus().sent;
    const run: Run = {
      punches: plan.length,
      delivered,
      trackTime: count('POST', '/attendances/track-time'),
      logins: count('POST', '/auth/login'),
      readBacks: count('GET', '/attendances'),
      seconds: ms / 1000,
      verdict: '',
      ok: false,
    };
    await rig.close();
    const verdict = checkDelivery(running.simulator.log(), plan);
    return { ...run, verdict: describeVerdict(verdict), ok: verdict.ok };
  } finally {
    await wire.close();
    await running.close();
  }
}

function perPunch(run: Run, calls: number): number {
  return run.delivered === 0 ? Number.NaN : round(calls / run.delivered, 4);
}

export const section: Section = {
  name: 'kenjo-calls',
  title: 'Kenjo calls per delivered punch, without and with faults',
  async run({ log }) {
    const clean = await measure(CLEAN_EMPLOYEES, {});
    log(`no faults: ${clean.delivered} delivered in ${clean.seconds.toFixed(1)} s; ${clean.verdict}`);
    const faulty = await measure(FAULTY_EMPLOYEES, FAULT_MIX);
    log(`fault mix: ${faulty.delivered} delivered in ${faulty.seconds.toFixed(1)} s; ${faulty.verdict}`);
    const figures: Figure[] = [
      against('track-time calls per punch, no faults', perPunch(clean, clean.trackTime), '', {
        op: '=',
        limit: 1,
        text: 'exactly 1',
      }),
      against('logins per punch, no faults', perPunch(clean, clean.logins), '', { op: '<', limit: 0.001 }),
      report('read-back GETs per punch, no faults', perPunch(clean, clean.readBacks), ''),
      report('track-time calls per punch, fault mix', perPunch(faulty, faulty.trackTime), ''),
      report('logins per punch, fault mix', perPunch(faulty, faulty.logins), ''),
      report('read-back GETs per punch, fault mix', perPunch(faulty, faulty.readBacks), ''),
      against('fault mix: delivered exactly once, in order', faulty.ok ? 1 : 0, 'yes/no', {
        op: '=',
        limit: 1,
        text: `all ${faulty.punches}, no duplicate`,
      }),
    ];
    return {
      figures,
      notes: [
        `no faults: ${clean.punches} punches of ${CLEAN_EMPLOYEES} employees; ${clean.trackTime} track-time calls, ` +
          `${clean.logins} logins, ${clean.readBacks} GETs; ${clean.verdict}`,
        `fault mix ${JSON.stringify(FAULT_MIX)}: ${faulty.punches} punches of ${FAULTY_EMPLOYEES} employees in ` +
          `${faulty.seconds.toFixed(1)} s; ${faulty.trackTime} track-time calls, ${faulty.logins} logins, ` +
          `${faulty.readBacks} GETs; ${faulty.verdict}`,
        'calls are counted at the client (every attempt, including refused ones); replay uses the server defaults',
      ],
    };
  },
};
