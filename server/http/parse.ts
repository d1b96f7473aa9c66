import type * as z from 'zod';
import { HttpError } from './errors';

type Part = 'body' | 'query' | 'params';

const CODES: Record<Part, string> = {
  body: 'invalid-body',
  query: 'invalid-query',
  params: 'invalid-params',
};

/** One sentence for the first problem, naming the field: `timeZone: "Mars/Base" is not an IANA time zone.` */
function describeIssue(issue: z.core.$ZodIssue | undefined, part: Part): string {
  if (!issue) return `The request ${part} is invalid.`;
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : `The ${part}: `;
  return `${where}${issue.message.replace(/\.$/, '')}.`;
}

/** Parses one part of a request against a schema, or throws the contract's 400 error. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown, part: Part): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, CODES[part], describeIssue(result.error.issues[0], part));
  }
  return result.data;
}
