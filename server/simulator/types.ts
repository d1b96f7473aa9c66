/** The simulator's model of Kenjo: employees, attendance entries and the ground-truth log of applied punches. */

export interface SimEmployee {
  /** Kenjo's employee `_id`: 24 hex characters, like a MongoDB ObjectId. */
  _id: string;
  email: string;
  externalId: string | null;
  isActive: boolean;
  language: string;
  firstName: string;
  lastName: string;
  displayName: string;
}

/** One attendance entry; times are wall-clock `YYYY-MM-DDThh:mm:ss` (no zone, like Kenjo's `dateTime`). */
export interface StoredEntry {
  _id: string;
  userId: string;
  /** The day the entry belongs to, `YYYY-MM-DD`: its start day, also for an overnight entry. */
  date: string;
  startTime: string;
  endTime: string | null;
  isOvernightShift: boolean;
}

export type AppliedAs = 'overnight-close' | 'ordinary';

export interface TrackTimeLogEntry {
  seq: number;
  employeeId: string;
  dateTime: string;
  isOvernightShift: boolean;
  appliedAs: AppliedAs;
  receivedAtMs: number;
}

/** Kenjo's published wire shape of an entry (`GET /attendances`): an open entry has no `endTime`. */
export interface AttendanceView {
  _id: string;
  userId: string;
  email?: string;
  externalId?: string;
  startTime: string;
  endTime?: string | null;
}
