import type { Machine } from './machine';
import type { SectionResult } from './section';

/** The shape of bench/results.json. */
export interface Results {
  machine: Machine;
  command: string;
  totalDurationS: number;
  /** Each section keeps the machine it ran on: `--only` reruns one and keeps the others' earlier figures. */
  sections: Array<SectionResult & { machine: Machine }>;
}
