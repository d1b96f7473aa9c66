/**
 * The employee list: `/employees` (identity, status) joined with `/employees/personals` (names) by `_id`. Read as
 * the published schemas allow: `isActive` a boolean or the string "true"/"false", `email` and `externalId` missing
 * or `null`, unknown fields ignored, paged or not. A record that cannot be used is skipped and counted.
 */
import * as z from 'zod';
import { readList, type ReadContext } from './kenjo-list';
import type { KenjoEmployee, SkippedRecords } from './types';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));

/** The examples send a boolean, the published schema types a string: both are Kenjo. */
const activeFlag = z
  .union([
    z.boolean(),
    z
      .string()
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.enum(['true', 'false']))
      .transform((value) => value === 'true'),
  ])
  .nullish();

const employeeSchema = z.object({
  _id: z.string().trim().min(1),
  email: optionalText,
  externalId: optionalText,
  isActive: activeFlag,
});

const personalSchema = z.object({
  _id: z.string().trim().min(1),
  firstName: optionalText,
  lastName: optionalText,
  displayName: optionalText,
});

type Personal = z.infer<typeof personalSchema>;

function displayNameOf(personal: Personal | undefined, fallback: string): string {
  if (personal?.displayName) return personal.displayName;
  const fullName = [personal?.firstName, personal?.lastName].filter(Boolean).join(' ');
  return fullName === '' ? fallback : fullName;
}

export interface EmployeeListing {
  employees: KenjoEmployee[];
  skipped: SkippedRecords[];
  /** Pages read of `/employees` (1 when unpaged). */
  pages: number;
}

export async function readEmployees(context: ReadContext): Promise<EmployeeListing> {
  const [employees, personals] = await Promise.all([
    readList(context, { path: '/employees' }, employeeSchema),
    readList(context, { path: '/employees/personals' }, personalSchema),
  ]);
  const skipped = [
    ...employees.skippedBy.map((skip) => ({ list: 'employees', ...skip })),
    ...personals.skippedBy.map((skip) => ({ list: 'employee names', ...skip })),
  ];
  for (const skip of skipped) context.logger?.warn(skip, 'Kenjo employee records skipped');
  const personalById = new Map(personals.items.map((personal) => [personal._id, personal]));
  return {
    employees: employees.items.map((employee) => ({
      userId: employee._id,
      email: employee.email,
      externalId: employee.externalId,
      // A missing flag is read as active: Kenjo documents the field, and an absent one must not lock people out.
      isActive: employee.isActive ?? true,
      displayName: displayNameOf(
        personalById.get(employee._id),
        employee.email ?? employee.externalId ?? employee._id,
      ),
    })),
    skipped,
    pages: employees.pages,
  };
}

/** The list for the directory; what was skipped reaches the operator through the client's stats. */
export async function listEmployees(context: ReadContext): Promise<KenjoEmployee[]> {
  const listing = await readEmployees(context);
  context.health.skipped('employees', listing.skipped);
  return listing.employees;
}
