import * as z from 'zod';
import { isTimeZone } from '../../core/wall-time';

/** Shapes shared by several route modules; every request body is strict (an unknown field is a 400). */
export const kioskName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const timeZone = z.string().refine(isTimeZone, 'is not an IANA time zone, e.g. "Europe/Berlin"');

const identifier = z.string().trim().min(1, 'must not be empty').max(254, 'must be at most 254 characters');

/** Exactly one identifier, as in a punch. */
export const employeeRef = z.union([
  z.strictObject({ externalId: identifier }),
  z.strictObject({ email: identifier.pipe(z.email('is not an email address')) }),
  z.strictObject({ userId: identifier }),
]);

export const operatorReason = z
  .string()
  .trim()
  .min(1, 'must say why')
  .max(500, 'must be at most 500 characters');

export const kioskIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export const punchParams = z.strictObject({
  kioskId: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
