/** Prints the README's "Benchmarks" section from bench/results.json: `npx tsx bench/readme-section.ts`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLine, machineLine } from './machine';
import type { Results } from './run-types';
import { markdownTable } from './table';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = JSON.parse(readFileSync(path.join(root, 'bench', 'results.json'), 'utf8')) as Results;
const { machine } = results;
console.log(
  [
    '## Benchmarks',
    '',
    `Measured with \`npm run bench\` (about ${Math.ceil(results.totalDurationS / 60)} minutes; figures and machine in`,
    '`bench/results.json`; `npm run bench -- --only <section>` runs one section). Nothing is pass/fail: each figure',
    'stands beside its goal.',
    '',
    `Machine: ${machineLine(machine)}; ${machine.date.slice(0, 10)}, commit ${(machine.gitCommit ?? '?').slice(0, 7)}.`,
    '',
    ...results.sections.map(
      (section) =>
        `- ${section.name}: ${section.machine.date.slice(0, 16).replace('T', ' ')} UTC, ` +
        `commit ${(section.machine.gitCommit ?? '?').slice(0, 7)}, ${loadLine(section.machine)}`,
    ),
    '',
    markdownTable(results.sections),
  ].join('\n'),
);
