/**
 * Parses a Kenjo list record by record: one malformed record is skipped, logged and counted by reason, and never
 * makes the rest of the list unusable.
 */
import type { z } from 'zod';
import type { KenjoLogger } from './types';

export interface SkippedRecords {
  /** Which list, e.g. "employees". */
  list: string;
  /** Why, in a few words: "no identifier", "isActive unreadable". */
  reason: string;
  count: number;
}

export interface ParsedRecords<T> {
  records: T[];
  skipped: SkippedRecords[];
}

/** `_id` is the one identifier every Kenjo record has; without it nothing can point at the record. */
function reasonOf(item: unknown, error: z.ZodError): string {
  const id = typeof item === 'object' && item !== null ? (item as { _id?: unknown })._id : undefined;
  if (typeof id !== 'string' || id.trim() === '') return 'no identifier';
  const field = error.issues[0]?.path.join('.');
  return field ? `${field} unreadable` : 'not an object';
}

export function parseRecords<T>(
  list: string,
  items: readonly unknown[],
  schema: z.ZodType<T>,
  logger?: KenjoLogger,
): ParsedRecords<T> {
  const records: T[] = [];
  const counts = new Map<string, number>();
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      records.push(parsed.data);
      return;
    }
    const reason = reasonOf(item, parsed.error);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    // The index and the id only: a record holds personal data that does not belong in logs.
    const id = typeof item === 'object' && item !== null ? (item as { _id?: unknown })._id : undefined;
    logger?.warn({ list, index, id: typeof id === 'string' ? id : null, reason }, 'kenjo record skipped');
  });
  const skipped = [...counts].map(([reason, count]) => ({ list, reason, count }));
  return { records, skipped };
}
