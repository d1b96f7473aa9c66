/**
 * Kenjo's lists: a bare array (what `/attendances` documents), `{data}` (what `/employees` documents), or Kenjo's
 * paging envelope `{data, metadata: {offset, limit, total}}` of other endpoints, where `offset` is the page number
 * from 1. An envelope is followed page by page; one that cannot be followed is refused, never read as the whole
 * list. One malformed record is skipped and counted, never allowed to make the whole list unusable.
 */
import * as z from 'zod';
import { KenjoUnavailableError } from './errors';
import type { HttpRequest } from './http';
import { readJson, type ReadContext } from './read-json';

export type { ReadContext };

/** Far beyond any company's attendances of a month; a server that pages forever is refused. */
const MAX_PAGES = 500;

export interface KenjoList<T> {
  items: T[];
  /** Records that did not match the published schema; `firstProblem` says what was wrong with the first. */
  skipped: number;
  firstProblem: string | null;
  /** The skipped records counted by reason ("no identifier", "isActive unreadable"). */
  skippedBy: Array<{ reason: string; count: number }>;
  /** Pages read; 1 for a list that is not paged. */
  pages: number;
}

const metadataSchema = z.object({
  offset: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1),
  total: z.coerce.number().int().min(0),
});

const bodySchema = z.union([
  z.array(z.unknown()).transform((items) => ({ items, metadata: null, envelope: false })),
  z
    .object({ data: z.array(z.unknown()), metadata: z.unknown().optional() })
    .transform(({ data, metadata }) => ({ items: data, metadata: metadata ?? null, envelope: true })),
]);

export async function readList<T>(
  context: ReadContext,
  request: Omit<HttpRequest, 'method'>,
  item: z.ZodType<T>,
): Promise<KenjoList<T>> {
  const raw: unknown[] = [];
  let pages = 1;
  let page = await readJson(context, request, bodySchema);
  raw.push(...page.items);
  if (page.metadata !== null) {
    const meta = metadataSchema.safeParse(page.metadata);
    if (!meta.success) {
      throw new KenjoUnavailableError(
        `GET ${request.path} answered a paged list whose metadata has no offset, limit and total: refusing to read one page as the whole list`,
      );
    }
    const { limit, total } = meta.data;
    let offset = Math.max(1, meta.data.offset);
    while (raw.length < total) {
      if (offset >= MAX_PAGES)
        throw new KenjoUnavailableError(`GET ${request.path}: more than ${MAX_PAGES} pages`);
      offset += 1;
      const query = { ...request.query, offset: String(offset), limit: String(limit) };
      page = await readJson(context, { ...request, query }, bodySchema);
      if (page.items.length === 0) {
        throw new KenjoUnavailableError(
          `GET ${request.path} page ${offset} was empty after ${raw.length} of ${total} records: the list is incomplete`,
        );
      }
      // A server that ignores our page number shows itself by naming another page, or by repeating one.
      const answered = metadataSchema.safeParse(page.metadata);
      if ((answered.success && answered.data.offset !== offset) || sameRecord(page.items[0], raw[0])) {
        throw new KenjoUnavailableError(
          `GET ${request.path} answered another page when asked for page ${offset}: refusing to read the list twice over`,
        );
      }
      // A record created or removed while the pages are read shifts every later page: one record would be read
      // twice or not at all, and a punch missing from the read-back would be sent again. The total tells.
      if (answered.success && answered.data.total !== total) {
        throw new KenjoUnavailableError(
          `GET ${request.path} changed from ${total} to ${answered.data.total} records while its pages were read: read it again`,
        );
      }
      raw.push(...page.items);
      pages += 1;
    }
    if (raw.length !== total || hasRepeatedId(raw)) {
      throw new KenjoUnavailableError(
        `GET ${request.path} answered ${raw.length} records over ${pages} pages for a total of ${total}: read it again`,
      );
    }
  }
  return { ...parseItems(raw, item), pages };
}

function hasRepeatedId(records: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const record of records) {
    const id = typeof record === 'object' && record !== null ? (record as { _id?: unknown })._id : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

function sameRecord(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** `_id` is the one identifier every Kenjo record has; without it nothing can point at the record. */
function reasonOf(record: unknown, error: z.ZodError): string {
  const id = typeof record === 'object' && record !== null ? (record as { _id?: unknown })._id : undefined;
  if (typeof id !== 'string' || id.trim() === '') return 'no identifier';
  const field = error.issues[0]?.path.join('.');
  return field ? `${field} unreadable` : 'not an object';
}

function parseItems<T>(raw: readonly unknown[], item: z.ZodType<T>): Omit<KenjoList<T>, 'pages'> {
  const items: T[] = [];
  let skipped = 0;
  let firstProblem: string | null = null;
  const reasons = new Map<string, number>();
  for (const record of raw) {
    const parsed = item.safeParse(record);
    if (parsed.success) {
      items.push(parsed.data);
      continue;
    }
    skipped += 1;
    const issue = parsed.error.issues[0];
    firstProblem ??= `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`;
    const reason = reasonOf(record, parsed.error);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const skippedBy = [...reasons].map(([reason, count]) => ({ reason, count }));
  return { items, skipped, firstProblem, skippedBy };
}
