/** The Kenjo simulator's public surface. */
export { DEMO_EMPLOYEES, INACTIVE_DEMO_BADGE } from './employees';
export { DEFAULT_FAULTS, type CommitThenFailMode, type Faults } from './faults';
export type { Simulator, SimulatorCounters, SimulatorOptions } from './simulator';
export { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './start';
export type { AttendanceView, SimEmployee, StoredEntry, TrackTimeLogEntry } from './types';
