import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { KenjoUnavailableError } from './errors';
import { readList, type ReadContext } from './kenjo-list';

// Each call answers the next scripted body, parsed as the real reader would.
const pages: unknown[] = [];
vi.mock('./read-json', () => ({
  readJson: (_context: unknown, _request: unknown, schema: z.ZodType) =>
    Promise.resolve(schema.parse(pages.shift())),
}));

const context = {} as ReadContext;
const record = z.object({ _id: z.string() });
const ids = (...values: string[]) => values.map((_id) => ({ _id }));
const page = (offset: number, total: number, ...values: string[]) => ({
  data: ids(...values),
  metadata: { offset, limit: 2, total },
});

async function read() {
  return readList(context, { path: '/attendances' }, record);
}

describe('readList over paged answers', () => {
  beforeEach(() => {
    pages.length = 0;
  });

  it('reads every page of a list that holds still', async () => {
    pages.push(page(1, 5, 'a', 'b'), page(2, 5, 'c', 'd'), page(3, 5, 'e'));
    const list = await read();
    expect(list.items.map((item) => item._id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(list.pages).toBe(3);
  });

  it.each([
    ['a record added while the pages are read', [page(1, 3, 'a', 'b'), page(2, 4, 'b', 'c')]],
    ['a record removed while the pages are read', [page(1, 4, 'a', 'b'), page(2, 3, 'd')]],
    ['a record read twice with the same total', [page(1, 4, 'a', 'b'), page(2, 4, 'b', 'c')]],
    ['more records than the total', [page(1, 3, 'a', 'b'), page(2, 3, 'c', 'd')]],
  ])('refuses %s, so that the read-back is made again', async (_name, answers) => {
    pages.push(...answers);
    await expect(read()).rejects.toBeInstanceOf(KenjoUnavailableError);
  });
});
