/**
 * What an operator's action in the audit log was about, for a person to read instead of its ids: the kiosk by its
 * name, or the punch by its person and time (`at` with the kiosk's zone, shown on that kiosk's clock).
 */
export type AuditSubject =
  { kind: 'kiosk'; name: string } | { kind: 'punch'; employee: string; at: string; timeZone: string };
