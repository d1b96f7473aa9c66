import * as z from 'zod';
import type { EmployeeRef } from '../../core/punch';
import { validateEmployee } from '../../core/validate-punch';
import { isTimeZone } from '../../core/wall-time';

/** Shapes shared by several route modules; every request body is strict (an unknown field is a 400). */
export const kioskName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const timeZone = z.string().refine(isTimeZone, 'is not an IANA time zone, e.g. "Europe/Berlin"');

/** Exactly one identifier, held to the same rule as a kiosk's punch (`core/validate-punch.ts`). */
export const employeeRef = z.unknown().transform((value, ctx): EmployeeRef => {
  const checked = validateEmployee(value);
  if ('ref' in checked) return checked.ref;
  ctx.addIssue({ code: 'custom', message: checked.message });
  return z.NEVER;
});

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
