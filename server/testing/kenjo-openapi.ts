/**
 * Kenjo's published OpenAPI document (`../shared/specs/kenjo-openapi-2024.yaml` beside the repository) as request
 * validators, and a forwarding server that records what the client sends, so that every request can be checked
 * against it.
 */
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface RecordingKenjo {
  /** Point the client here: requests are recorded as they arrive, then passed on to `targetBaseUrl`. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A forwarding server in front of Kenjo (the simulator): every request is recorded as it came over the wire, below
 * the base URL's path, then sent on and its answer passed back unchanged.
 */
export async function recordingKenjo(
  targetBaseUrl: string,
  recorded: RecordedRequest[],
): Promise<RecordingKenjo> {
  const target = new URL(targetBaseUrl);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', target);
      recorded.push({
        method: request.method ?? 'GET',
        path: url.pathname.slice(target.pathname.length),
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(
          Object.entries(request.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
        ),
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      });
      const forward = httpRequest(
        url,
        { method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', () => response.destroy());
      forward.end(text === '' ? undefined : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
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
