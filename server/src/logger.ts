/**
 * @module Structured JSON logs (pino): one line per entry with an ISO time, the level's name and
 * the fields given. Child loggers carry a request id or a socket's connection id.
 * What must never be logged is scrubbed here, whatever a caller passes: fields named like a
 * message body, email, token, password, secret, cookie or comment are replaced, and addresses
 * inside any text (error messages too) are masked. Callers should still pass ids, not content.
 */
import type { Writable } from 'node:stream';
import { pino, stdTimeFunctions, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose every entry also carries `bindings` (e.g. `{ requestId }`). */
  child(bindings: Record<string, unknown>): Logger;
}

export const REDACTED = '[redacted]';

/** Field names whose values are content or credentials: never written. */
const SECRET_KEY =
  /body|e-?mail|token|passw|secret|cookie|authori[sz]ation|comment|subject|html|^text$|^to$|^to_address$|userhash|^cc$/i;
const EMAIL_IN_TEXT = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

function scrubText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, '[email]');
}

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) {
    const error: Record<string, unknown> = { type: value.name, message: scrubText(value.message) };
    if (value.stack) error.stack = scrubText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') error.code = code;
    if (value.cause !== undefined) error.cause = scrub(value.cause, depth + 1);
    return error;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      out[key] = SECRET_KEY.test(key) ? REDACTED : scrub(inner, depth + 1);
    return out;
  }
  return value;
}

function wrap(base: PinoLogger): Logger {
  const entry = (level: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: Record<string, unknown>) => {
    if (!base.isLevelEnabled(level)) return;
    if (fields) base[level](scrub(fields) as Record<string, unknown>, scrubText(msg));
    else base[level](scrubText(msg));
  };
  return {
    debug: entry('debug'),
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    child: (bindings) => wrap(base.child(scrub(bindings) as Record<string, unknown>)),
  };
}

/** Logs to stdout, or to `destination` (tests read what was written). */
export function createLogger(level: LogLevel, destination?: Writable): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}
