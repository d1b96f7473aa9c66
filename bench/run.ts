/**
 * `npm run bench [-- --only <name>]`: runs the sections one after another, prints each one's duration and a table of
 * every figure beside its goal, and writes `bench/results.json`. A section that throws prints its error; the others
 * still run. With `--only`, the other sections' earlier results in results.json are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, machineLine, type Machine } from './machine';
import type { Results } from './run-types';
import { round, type Section, type SectionResult } from './section';
import { textTable } from './table';

const SECTIONS: ReadonlyArray<{ name: string; load: () => Promise<Section> }> = [
  { name: 'replay-drain', load: async () => (await import('./replay-drain')).section },
  { name: 'kenjo-calls', load: async () => (await import('./kenjo-calls')).section },
  { name: 'ingest', load: async () => (await import('./ingest')).section },
  { name: 'postgres', load: async () => (await import('./postgres-instances')).section },
  { name: 'kiosk-answer', load: async () => (await import('./kiosk-answer')).section },
  { name: 'directory-privacy', load: async () => (await import('./directory-privacy')).section },
  { name: 'kiosk-weight', load: async () => (await import('./kiosk-weight')).section },
  { name: 'server-memory', load: async () => (await import('./server-memory')).section },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsPath = path.join(root, 'bench', 'results.json');

function chosenSections(argv: readonly string[]): typeof SECTIONS {
  const at = argv.indexOf('--only');
  if (at === -1) return SECTIONS;
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const chosen = SECTIONS.filter((s) => names.includes(s.name));
  if (chosen.length === 0) {
    console.error(`--only takes one of: ${SECTIONS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return chosen;
}

async function runSection(entry: (typeof SECTIONS)[number]): Promise<SectionResult> {
  const startedMs = performance.now();
  let title = entry.name;
  const loadBefore = os.loadavg()[0] ?? 0;
  const load = () => ({ loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0] ?? 0) } });
  try {
    const section = await entry.load();
    title = section.title;
    console.log(`\n== ${section.title} (${entry.name})`);
    const outcome = await section.run({ root, log: (line) => console.log(`   ${line}`) });
    const durationS = (performance.now() - startedMs) / 1000;
    console.log(`   done in ${durationS.toFixed(1)} s (1-min load average ${loadBefore.toFixed(1)} before)`);
    return { name: entry.name, title, durationS, error: null, ...load(), ...outcome };
  } catch (err) {
    const durationS = (performance.now() - startedMs) / 1000;
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`   FAILED after ${durationS.toFixed(1)} s: ${message}`);
    return {
      name: entry.name,
      title,
      durationS,
      error: message.split('\n')[0] ?? message,
      ...load(),
      figures: [],
      notes: [],
    };
  }
}

function previousResults(): Results | null {
  try {
    return JSON.parse(readFileSync(resultsPath, 'utf8')) as Results;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const chosen = chosenSections(process.argv.slice(2));
  const machine = describeMachine(root);
  console.log(`Benchmarks on ${machineLine(machine)}; commit ${machine.gitCommit ?? 'unknown'}`);
  const startedMs = performance.now();
  const fresh: Array<SectionResult & { machine: Machine }> = [];
  // Each section records the load as it starts: on a shared machine it changes from one section to the next.
  for (const entry of chosen) {
    const at = describeMachine(root);
    fresh.push({ ...(await runSection(entry)), machine: at });
  }
  const totalDurationS = (performance.now() - startedMs) / 1000;

  const kept = chosen.length === SECTIONS.length ? [] : (previousResults()?.sections ?? []);
  const sections = SECTIONS.map((entry) => entry.name).flatMap((name) => {
    const now = fresh.find((r) => r.name === name);
    if (now) return [now];
    const before = kept.find((r) => r.name === name);
    return before ? [before] : [];
  });
  const results: Results = {
    machine,
    command: 'npm run bench',
    totalDurationS: sections.reduce((sum, s) => sum + s.durationS, 0),
    sections,
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n${textTable(fresh)}`);
  for (const result of fresh) for (const note of result.notes) console.log(`  [${result.name}] ${note}`);
  console.log(`\nTotal ${totalDurationS.toFixed(1)} s; wrote ${path.relative(root, resultsPath)}`);
  // Handles of servers a failed section could not close must not keep the process alive.
  process.exit(0);
}

void main();
