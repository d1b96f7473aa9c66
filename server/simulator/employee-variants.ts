import type { ApiVariants } from './api-variants';
import type { SimEmployee } from './types';

/**
 * What `/employees` and `/employees/personals` put on the wire for the company, under the variants: `isActive` as a
 * string, identifiers missing or `null` for a few employees, unusable records, pages. The model behind them (and so
 * track-time) is unchanged: these are ways Kenjo may *list* the same people.
 */

export type WireRecord = Record<string, unknown>;

/** Of the last employees of the list: how each one's identifiers are dropped under `employeesWithoutIdentifiers`. */
const DROPS: ReadonlyArray<(record: WireRecord) => void> = [
  (record) => delete record['email'],
  (record) => (record['email'] = null),
  (record) => delete record['externalId'],
  (record) => (record['externalId'] = null),
  (record) => {
    delete record['email'];
    record['externalId'] = null;
  },
];

/** How many employees `employeesWithoutIdentifiers` changes, and how many records `malformedEmployees` adds. */
export const EMPLOYEES_WITHOUT_IDENTIFIERS = DROPS.length;
export const MALFORMED_EMPLOYEE_RECORDS = 2;

export function employeeRecords(employees: readonly SimEmployee[], variants: ApiVariants): WireRecord[] {
  const records = employees.map(({ _id, email, externalId, isActive, language }, index): WireRecord => {
    const record: WireRecord = {
      _id,
      email,
      externalId,
      isActive: variants.isActiveAsString ? String(isActive) : isActive,
      language,
    };
    const drop = DROPS[index - (employees.length - DROPS.length)];
    if (variants.employeesWithoutIdentifiers && drop !== undefined) drop(record);
    return record;
  });
  if (variants.malformedEmployees) {
    records.push({ email: 'no.id@demo.example', externalId: 'B-9998', isActive: true, language: 'en' });
    records.push({ _id: null, email: 'null.id@demo.example', isActive: true });
  }
  return records;
}

export function personalRecords(employees: readonly SimEmployee[]): WireRecord[] {
  return employees.map(({ _id, firstName, lastName, displayName }) => ({
    _id,
    firstName,
    lastName,
    displayName,
  }));
}

/** `offset` is a page number from 1, as on Kenjo's paged endpoints; `limit` the page size, else the variant's. */
export function listAnswer(
  records: WireRecord[],
  pageSize: number,
  query: { offset?: string | undefined; limit?: string | undefined },
): { data: WireRecord[]; metadata?: { count: number; offset: number; limit: number; total: number } } {
  if (pageSize <= 0) return { data: records };
  const offset = Math.max(1, Math.floor(Number(query.offset ?? '1')) || 1);
  const askedLimit = Math.floor(Number(query.limit ?? ''));
  const limit = askedLimit > 0 && askedLimit <= 100 ? askedLimit : pageSize;
  const data = records.slice((offset - 1) * limit, offset * limit);
  return { data, metadata: { count: data.length, offset, limit, total: records.length } };
}
