/**
 * Kenjo's published OpenAPI document (`../shared/specs/kenjo-openapi-2024.yaml` beside the repository) as request
 * validators, and a fetch that records what the client sends, so that every request can be checked against it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenAPIRequestValidator from 'openapi-request-validator';
import type { OpenAPIV3 } from 'openapi-types';
import { parse } from 'yaml';

export const SPEC_PATH = fileURLToPath(
  new URL('../../../shared/specs/kenjo-openapi-2024.yaml', import.meta.url),
);

export function loadSpec(): OpenAPIV3.Document {
  return parse(readFileSync(SPEC_PATH, 'utf8')) as OpenAPIV3.Document;
}

export interface RecordedRequest {
  method: string;
  /** Below the base URL, e.g. `/attendances/track-time`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** Wraps `fetch`: every request below `basePath` is recorded, then sent as it was. */
export function recordingFetch(basePath: string, recorded: RecordedRequest[]): typeof fetch {
  const original = globalThis.fetch;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const text = typeof init?.body === 'string' ? init.body : undefined;
    recorded.push({
      method: init?.method ?? 'GET',
      path: url.pathname.slice(basePath.length),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    });
    return original(input, init);
  };
}

/**
 * The validator of one operation. Unknown query parameters are errors, and so are body fields the schema does not
 * name (`strictBody`): Kenjo may refuse what it does not know.
 */
export function operationValidator(
  spec: OpenAPIV3.Document,
  path: string,
  method: 'get' | 'post',
  adjustBody: (schema: OpenAPIV3.SchemaObject) => OpenAPIV3.SchemaObject = (schema) => schema,
): OpenAPIRequestValidator {
  const operation = spec.paths[path]?.[method];
  if (operation === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  const schemas = (spec.components?.schemas ?? {}) as Record<string, OpenAPIV3.SchemaObject>;
  const requestBody = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const json = requestBody?.content['application/json']?.schema as OpenAPIV3.ReferenceObject | undefined;
  const bodySchema = json === undefined ? undefined : schemas[json.$ref.split('/').at(-1) ?? ''];
  return new OpenAPIRequestValidator({
    parameters: (operation.parameters ?? []) as OpenAPIV3.ParameterObject[],
    ...(requestBody === undefined || bodySchema === undefined
      ? {}
      : {
          requestBody: {
            ...requestBody,
            content: {
              'application/json': { schema: { ...adjustBody(bodySchema), additionalProperties: false } },
            },
          },
        }),
    additionalQueryProperties: false,
  });
}
