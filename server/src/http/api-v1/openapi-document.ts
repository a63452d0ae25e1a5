/**
 * @module The OpenAPI 3.1 document of /api/v1, generated from the route table (api-v1-routes.ts) and
 * its zod schemas with zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses).
 * Nothing here is written by hand per route: a route in the table is a path in the document.
 */
import { z } from 'zod';
import { API_TOKEN_PREFIX, ApiErrorSchema, apiV1Routes, type ApiRoute } from '@parley/shared';
import { IDEMPOTENCY_HEADER } from './idempotency.ts';

type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  method: string;
  /** OpenAPI's `{name}` form. */
  path: string;
  route: ApiRoute;
}

/** `:name` path parameters become OpenAPI's `{name}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** Every route with the name the document gives its operation (`conversations.list` → `conversationsList`). */
export function apiOperations(): OpenApiOperation[] {
  return Object.entries(apiV1Routes).flatMap(([group, routes]) =>
    Object.entries(routes).map(([name, route]: [string, ApiRoute]) => ({
      operationId: `${group}${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`,
      method: route.method.toLowerCase(),
      path: openApiPath(route.path),
      route,
    })),
  );
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // transforms and preprocessors (query text → number) are described by what they accept or give
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: propertySchema,
      ...(typeof description === 'string' && { description }),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(op: OpenApiOperation): JsonSchema {
  const { route } = op;
  const write = route.method !== 'GET';
  const status = String(route.status ?? 200);
  return {
    operationId: op.operationId,
    summary: route.summary,
    description:
      `Needs the \`${route.scope}\` scope.${write ? ` Send an \`${IDEMPOTENCY_HEADER}\` header to make a retry safe.` : ''}` +
      (route.bot ? " An external bot's token may call it on the conversations its bot holds." : ''),
    tags: [route.tag],
    'x-parley-scope': route.scope,
    parameters: [
      ...parameters(route.params, 'path'),
      ...parameters(route.query, 'query'),
      ...(write
        ? [
            {
              name: IDEMPOTENCY_HEADER,
              in: 'header',
              required: false,
              description: 'A key of your choosing: a repeated request with it gets the first answer again.',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ]
        : []),
    ],
    ...(route.request && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.request, 'input') } },
      },
    }),
    responses: {
      [status]: {
        description: 'Success',
        content: { 'application/json': { schema: route.response ? jsonSchema(route.response, 'output') : {} } },
      },
      '400': errorResponse('invalid_payload: the request does not match the schema'),
      '401': errorResponse('unauthorized: no API token, or one that is unknown or revoked'),
      '403': errorResponse('forbidden: the token lacks the scope, or the agent acted as may not do this'),
      '404': errorResponse('not_found: no such record, or one of a site the token is not limited to'),
      '409': errorResponse('conflict: the record changed, or an Idempotency-Key was reused'),
      '429': errorResponse('rate_limited: too many requests with this token (see Retry-After)'),
    },
  };
}

export function openApiDocument(serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of apiOperations()) {
    paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley REST API',
      version: '1.0.0',
      description:
        `Read and act on Parley's conversations, visitors, tickets, agents, sites, reports and help-center ` +
        `articles. Authenticate with an API token (created by an admin in the console, it starts with ` +
        `\`${API_TOKEN_PREFIX}\`) as \`Authorization: Bearer <token>\`. Errors are \`{ "error": { "code", "message" } }\`.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(apiOperations().map((op) => op.route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token' } },
      schemas: { Error: jsonSchema(ApiErrorSchema, 'output') },
    },
  };
}
