/**
 * The shape every benchmark section answers with. Nothing here is pass/fail: each figure stands beside its goal, and
 * `met` is null when a figure has no goal (it is reported for information).
 */
export interface Figure {
  measure: string;
  /** The number as measured, in `unit`; null when it could not be measured. */
  value: number | null;
  unit: string;
  /** The goal in words, e.g. "≤ 1.25× the bound"; "report" when there is none. */
  goal: string;
  met: boolean | null;
  note?: string;
}

export interface SectionContext {
  /** The repository root (the folder holding package.json). */
  root: string;
  /** Prints a progress line under the section's heading. */
  log(line: string): void;
}

export interface Section {
  name: string;
  title: string;
  run(ctx: SectionContext): Promise<SectionOutcome>;
}

export interface SectionOutcome {
  figures: Figure[];
  /** Conditions a reader needs to interpret the figures (sizes, whether replay ran, which browser). */
  notes: string[];
}

export interface SectionResult extends SectionOutcome {
  name: string;
  title: string;
  durationS: number;
  error: string | null;
  /** The machine's 1-minute load average around the section: other work on the machine skews every figure. */
  loadAverage: { before: number; after: number };
}

/** A figure with a goal of the form "value ≤ limit" or "value ≥ limit". */
export function against(
  measure: string,
  value: number | null,
  unit: string,
  goal: { op: '<' | '≤' | '≥' | '='; limit: number; text?: string },
  note?: string,
): Figure {
  const met =
    value === null
      ? null
      : goal.op === '<'
        ? value < goal.limit
        : goal.op === '≤'
          ? value <= goal.limit
          : goal.op === '≥'
            ? value >= goal.limit
            : value === goal.limit;
  const text = goal.text ?? `${goal.op} ${goal.limit} ${unit}`.trim();
  return { measure, value, unit, goal: text, met, ...(note === undefined ? {} : { note }) };
}

/** A figure reported for information. */
export function report(measure: string, value: number | null, unit: string, note?: string): Figure {
  return { measure, value, unit, goal: 'report', met: null, ...(note === undefined ? {} : { note }) };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
