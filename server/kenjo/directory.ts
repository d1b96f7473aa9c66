/** The employee list: `/employees` (identity, status) joined with `/employees/personals` (names) by `_id`. */
import { z } from 'zod';
import { readJson, type ReadContext } from './read-json';
import type { KenjoEmployee } from './types';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));

const employeeSchema = z.object({
  _id: z.string().min(1),
  email: z.string(),
  externalId: optionalText,
  isActive: z.boolean().nullish(),
});

const personalSchema = z.object({
  _id: z.string().min(1),
  firstName: optionalText,
  lastName: optionalText,
  displayName: optionalText,
});

/** Kenjo documents `{data: [...]}`; a bare array is accepted too. */
function listOf<T extends z.ZodType>(item: T) {
  return z.union([z.object({ data: z.array(item) }).transform(({ data }) => data), z.array(item)]);
}

type Personal = z.infer<typeof personalSchema>;

function displayNameOf(personal: Personal | undefined, email: string): string {
  if (personal?.displayName) return personal.displayName;
  const fullName = [personal?.firstName, personal?.lastName].filter(Boolean).join(' ');
  return fullName === '' ? email : fullName;
}

export async function listEmployees(context: ReadContext): Promise<KenjoEmployee[]> {
  const [employees, personals] = await Promise.all([
    readJson(context, { path: '/employees' }, listOf(employeeSchema)),
    readJson(context, { path: '/employees/personals' }, listOf(personalSchema)),
  ]);
  const personalById = new Map(personals.map((personal) => [personal._id, personal]));
  return employees.map((employee) => ({
    userId: employee._id,
    email: employee.email,
    externalId: employee.externalId,
    // A missing flag is read as active: Kenjo documents the field, and an absent one must not lock people out.
    isActive: employee.isActive ?? true,
    displayName: displayNameOf(personalById.get(employee._id), employee.email),
  }));
}
