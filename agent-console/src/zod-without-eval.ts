/**
 * @module Turns off zod's JIT before any schema is built (main.tsx imports this first). The console
 * runs under a CSP without 'unsafe-eval'; zod decides at schema construction whether to compile
 * parsers with `new Function`, and its probe is reported by the browser as a policy violation even
 * though zod catches the refusal. Parsing without the JIT is fast enough for a console.
 */
import { config } from 'zod';

config({ jitless: true });
