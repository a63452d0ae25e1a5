/**
 * @module Steps the language-model bot's tests share: a Parley whose built-in bot writes its answers
 * with the scripted OpenAI-compatible server, the demo site's bot on with the refund article, and the
 * visitor's view of an answer (its `message:stream` updates, then the stored messages).
 */
import { afterEach, beforeEach } from 'vitest';
import { BotStreamSchema, type BotStream, type Message } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { disconnectAll, type VisitorSocket } from '../support/clients.ts';
import { startScriptedLlm, type ScriptedLlm } from '../support/scripted-llm.ts';

export const LLM_KEY = 'sk-test-secret-key-never-in-a-prompt';

export interface LlmWorld {
  t: TestServer;
  llm: ScriptedLlm;
}

/** A fresh scripted model and Parley for each test of the calling file. */
export function useLlmServer(env: Record<string, string> = {}): LlmWorld {
  const world = {} as LlmWorld;
  beforeEach(async () => {
    world.llm = await startScriptedLlm();
    world.t = await startTestServer({
      env: { LLM_BASE_URL: world.llm.baseUrl, LLM_MODEL: 'scripted-model', LLM_API_KEY: LLM_KEY, ...env },
    });
  });
  afterEach(async () => {
    disconnectAll();
    await world.t.close();
    await world.llm.close();
  });
  return world;
}

/** What the visitor saw, in order: stream updates (checked with the shared schema) and messages. */
export type Seen = { event: 'stream'; stream: BotStream } | { event: 'message'; message: Message };

export function watch(socket: VisitorSocket): Seen[] {
  const seen: Seen[] = [];
  socket.on('message:stream', (payload) => seen.push({ event: 'stream', stream: BotStreamSchema.parse(payload) }));
  socket.on('message:new', (message) => seen.push({ event: 'message', message }));
  return seen;
}

/** The system prompt of a recorded request, and its data block (between the fences it names). */
export function promptOf(llm: ScriptedLlm, index = 0): { system: string; data: string; outside: string } {
  const system = llm.requests[index]?.body.messages[0]?.content ?? '';
  const boundary = /BEGIN SOURCES ([\w-]+)/.exec(system)?.[1] ?? 'missing';
  const begin = system.lastIndexOf(`BEGIN SOURCES ${boundary}`);
  const end = system.lastIndexOf(`END SOURCES ${boundary}`);
  return {
    system,
    data: system.slice(begin, end),
    outside: system.slice(0, begin) + system.slice(end),
  };
}

/** The title the prompt gave source `n`. */
export function sourceTitle(llm: ScriptedLlm, n: number, index = 0): string | undefined {
  return new RegExp(`^\\[${n}\\] (.+)$`, 'm').exec(promptOf(llm, index).data)?.[1];
}
