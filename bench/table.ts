/** Plain-text and Markdown renderings of the figures: one row per figure, its section, value, goal and verdict. */
import type { Figure, SectionResult } from './section';

export function formatValue(figure: Figure): string {
  if (figure.value === null) return 'n/a';
  if (figure.unit === 'yes/no') return figure.value === 1 ? 'yes' : 'no';
  const abs = Math.abs(figure.value);
  const digits = Number.isInteger(figure.value) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 4;
  const number = figure.value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return figure.unit === '' ? number : `${number} ${figure.unit}`;
}

export function verdict(figure: Figure): string {
  if (figure.met === null) return figure.goal === 'report' ? '' : '?';
  return figure.met ? 'met' : 'NOT met';
}

interface Row {
  section: string;
  measure: string;
  figure: string;
  goal: string;
  verdict: string;
}

function rows(results: readonly SectionResult[]): Row[] {
  return results.flatMap((result) => {
    if (result.error !== null) {
      return [{ section: result.name, measure: 'section failed', figure: 'n/a', goal: '', verdict: '' }];
    }
    return result.figures.map((figure) => ({
      section: result.name,
      measure: figure.measure,
      figure: formatValue(figure),
      goal: figure.goal,
      verdict: verdict(figure),
    }));
  });
}

export function textTable(results: readonly SectionResult[]): string {
  const all = rows(results);
  const headers: Row = {
    section: 'section',
    measure: 'measure',
    figure: 'figure',
    goal: 'goal',
    verdict: '',
  };
  const keys = Object.keys(headers) as Array<keyof Row>;
  const width = (key: keyof Row) => Math.max(...[headers, ...all].map((row) => row[key].length));
  const line = (row: Row) =>
    keys
      .map((key) => row[key].padEnd(width(key)))
      .join('  ')
      .trimEnd();
  return [line(headers), keys.map((key) => '-'.repeat(width(key))).join('  '), ...all.map(line)].join('\n');
}

export function markdownTable(results: readonly SectionResult[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const body = rows(results).map(
    (row) =>
      `| ${row.section} | ${escape(row.measure)} | ${escape(row.figure)} | ${escape(row.goal)}${row.verdict ? ` (${row.verdict})` : ''} |`,
  );
  return ['| section | measure | figure | goal |', '| --- | --- | --- | --- |', ...body].join('\n');
}
