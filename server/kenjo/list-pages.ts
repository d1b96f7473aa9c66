/**
 * A Kenjo list, whole. Kenjo documents the employee lists as `{data: [...]}`; on other endpoints it pages with a
 * `{data, metadata: {count, offset, limit, total}}` envelope, where `offset` is a page number from 1. Such an
 * envelope is followed page by page; one that cannot be followed (pages that do not move, a total that is never
 * reached) is refused, because reading the first page as the whole list would silently lose everyone after it.
 */
import { z } from 'zod';
import { KenjoUnavailableError } from './errors';
import { readJson, type ReadContext } from './read-json';

/** The largest page Kenjo's paged endpoints allow. */
export const PAGE_LIMIT = 100;
/** A list longer than this many pages is refused rather than read forever. */
export const MAX_PAGES = 1000;

const metadataSchema = z.looseObject({
  count: z.number().optional(),
  offset: z.number().optional(),
  limit: z.number().optional(),
  total: z.number().optional(),
});

const listSchema = z.union([
  z.array(z.unknown()).transform((data) => ({ data, metadata: undefined })),
  z.looseObject({ data: z.array(z.unknown()), metadata: metadataSchema.nullish() }),
]);

export interface ListRead {
  items: unknown[];
  /** How many pages were read; 1 for an unpaged list. */
  pages: number;
}

function refuse(path: string, why: string): never {
  throw new KenjoUnavailableError(`GET ${path}: Kenjo paged the list and ${why}; refusing a partial list.`);
}

export async function readList(context: ReadContext, path: string): Promise<ListRead> {
  const first = await readJson(context, { path }, listSchema);
  const total = first.metadata?.total;
  if (total === undefined || first.data.length >= total) return { items: first.data, pages: 1 };
  // Pages of another size than ours do not line up with our page numbers: then start over at page 1.
  const reuseFirst = first.metadata?.limit === PAGE_LIMIT && (first.metadata.offset ?? 1) === 1;
  const items = reuseFirst ? [...first.data] : [];
  let page = reuseFirst ? 1 : 0;
  const pageHeads = new Set(reuseFirst ? [JSON.stringify(first.data[0])] : []);
  while (items.length < total) {
    page += 1;
    if (page > MAX_PAGES) refuse(path, `has more than ${MAX_PAGES} pages`);
    const query = { offset: String(page), limit: String(PAGE_LIMIT) };
    const next = await readJson(context, { path, query }, listSchema);
    if (next.metadata?.offset !== undefined && next.metadata.offset !== page) {
      refuse(path, `answered page ${next.metadata.offset} when asked for page ${page}`);
    }
    if (next.data.length === 0) refuse(path, `ran out at ${items.length} of ${total} records`);
    // Without an offset in its metadata, a server that ignores ours shows itself by repeating a page.
    const head = JSON.stringify(next.data[0]);
    if (pageHeads.has(head)) refuse(path, `repeated a page when asked for page ${page}`);
    pageHeads.add(head);
    items.push(...next.data);
  }
  return { items, pages: page + (reuseFirst ? 0 : 1) };
}
