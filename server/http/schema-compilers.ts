/**
 * Fastify's JSON-schema compilers, replaced by ones that refuse. Routes validate what they read with zod
 * (`parse.ts`) and answer plain JSON, so Fastify's defaults (ajv with its formats for requests,
 * fast-json-stringify for answers) would only be loaded to sit idle: about 7 MB of resident memory from start. A
 * route that declares a JSON schema makes the server fail to start with this message, instead of loading them.
 */
import type { FastifyServerOptions } from 'fastify';

export const JSON_SCHEMA_REFUSED =
  'routes of this server validate with zod (server/http/parse.ts) and declare no JSON schema for';

function refuse(part: string): never {
  throw new Error(`${JSON_SCHEMA_REFUSED} ${part}`);
}

export const schemaController: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: () => () => refuse('requests'),
    buildSerializer: () => () => refuse('answers'),
  },
};
