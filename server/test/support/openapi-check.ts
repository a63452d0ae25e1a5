/**
 * @module Checks answers against the served OpenAPI document: each response body is validated with
 * ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) against the schema the document gives its
 * operation and status, and every operation answered is remembered so a test can ask what was not.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ApiCaller } from './api-v1.ts';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  method: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

// ajv-formats is CommonJS: its default export arrives as the module object under some loaders
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export class OpenApiCheck {
  readonly #operations: Operation[];
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly answered = new Set<string>();

  constructor(document: Json) {
    addFormats(this.#ajv);
    const paths = document.paths as Record<string, Record<string, Json>>;
    this.#ajv.addSchema((document.components as { schemas: Record<string, Json> }).schemas.Error ?? {}, 'error');
    this.#operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
        responses: op.responses as Operation['responses'],
      })),
    );
  }

  get operationIds(): string[] {
    return this.#operations.map((op) => op.operationId);
  }

  /** Throws when the answer is not what the document says this operation answers. */
  check(method: string, url: string, status: number, body: unknown): void {
    const path = new URL(url, 'http://x').pathname;
    const op = this.#operations.find((o) => o.method === method && o.pattern.test(path));
    if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    const response = op.responses[String(status)];
    if (!response) throw new Error(`${op.operationId}: status ${status} is not in the document`);
    const raw = response.content?.['application/json']?.schema ?? {};
    const schema = '$ref' in raw ? { $ref: 'error' } : raw;
    const validate = this.#ajv.compile(schema);
    if (!validate(body)) {
      throw new Error(
        `${op.operationId} ${status} does not match its schema: ${this.#ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    if (status < 300) this.answered.add(op.operationId);
  }

  /** The caller with every answer checked. */
  wrap(api: ApiCaller): ApiCaller {
    return async (method, path, body, headers) => {
      const result = await api(method, path, body, headers);
      this.check(method, path, result.status, result.body);
      return result;
    };
  }
}
