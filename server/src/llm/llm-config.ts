/**
 * @module The LLM_* part of the environment schema (config.ts, the only reader of process.env, merges
 * it) and the LlmConfig it becomes: the OpenAI-compatible chat-completions endpoint the built-in answer
 * bot writes its answers with, and its limits (docs/answer-bot.md, docs/configuration.md). Without
 * LLM_BASE_URL and LLM_MODEL there is none, and the built-in bot answers alone.
 */
import { z } from 'zod';

export interface LlmConfig {
  /** The API's base, e.g. http://localhost:11434/v1: requests go to `<baseUrl>/chat/completions`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey: string | undefined;
  model: string;
  /** `max_tokens` of every request: the longest answer. */
  maxTokens: number;
  /** One request, from connecting to the last byte; past it the bot hands off (`timeout`). */
  timeoutMs: number;
  /** Answers the model writes in one conversation; the visitor's next question is handed off. */
  maxTurns: number;
  /** Articles retrieved with the help center's search and given to the model for one answer. */
  articles: number;
  /** Characters read from one response at most (the SSE stream as received); past it: a failure. */
  maxResponseChars: number;
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const LlmEnvShape = {
  /** An OpenAI-compatible API, e.g. http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1. */
  LLM_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LLM_API_KEY: optional,
  LLM_MODEL: optional.pipe(z.string().max(200).optional()),
  LLM_MAX_TOKENS: z.coerce.number().int().min(16).max(4000).default(400),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
  LLM_MAX_TURNS: z.coerce.number().int().min(1).max(50).default(5),
  LLM_ARTICLES: z.coerce.number().int().min(1).max(10).default(3),
};

type LlmEnv = z.output<z.ZodObject<typeof LlmEnvShape>>;

/** The endpoint and model go together: one without the other is a mistake worth a refusal at boot. */
export const LLM_PAIR_MESSAGE =
  'LLM_BASE_URL and LLM_MODEL go together: set both for answers from a language model, or neither';
export const llmPairOk = (e: { LLM_BASE_URL?: string | undefined; LLM_MODEL?: string | undefined }): boolean =>
  (e.LLM_BASE_URL === undefined) === (e.LLM_MODEL === undefined);

export function llmConfig(e: LlmEnv): LlmConfig | undefined {
  if (e.LLM_BASE_URL === undefined || e.LLM_MODEL === undefined) return undefined;
  return {
    baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ''),
    apiKey: e.LLM_API_KEY,
    model: e.LLM_MODEL,
    maxTokens: e.LLM_MAX_TOKENS,
    timeoutMs: e.LLM_TIMEOUT_MS,
    maxTurns: e.LLM_MAX_TURNS,
    articles: e.LLM_ARTICLES,
    // a streamed token costs a chunk of JSON (about 150-250 characters); room for that and more
    maxResponseChars: 64_000 + e.LLM_MAX_TOKENS * 1_000,
  };
}
