/**
 * The language-model bot's limits (issue 22): a model that does not finish within LLM_TIMEOUT_MS,
 * answers HTTP 500 or sends a malformed stream hands the visitor to people (`timeout`, `bot_failure`),
 * and the question after LLM_MAX_TURNS answers is handed off without asking the model. The visitor
 * is never left in silence: the bot's handoff words come in every case. LLM_* settings are checked
 * at boot.
 */
import { describe, expect, it } from 'vitest';
import type { HandoffReason, Message, SendResult } from '@parley/shared';
import { parseConfig } from '../../src/config.ts';
import { call, clientId, nextEvent } from '../support/clients.ts';
import { agentOnline } from '../support/workflow.ts';
import type { ScriptedReply } from '../support/scripted-llm.ts';
import { ask, botSite, statusIs, visitorOnline } from './bot-fixtures.ts';
import { useLlmServer } from './llm-fixtures.ts';

const w = useLlmServer({ LLM_TIMEOUT_MS: '1000', LLM_MAX_TURNS: '2' });

/** The visitor asks with the model scripted to `reply`: the conversation is handed off, for `reason`. */
async function handedOff(reply: ScriptedReply, reason: HandoffReason): Promise<void> {
  const { t, llm } = w;
  await botSite(t);
  await agentOnline(t, 'Ann');
  llm.script(reply);
  const visitor = await visitorOnline(t);
  const handoffWords = nextEvent<Message>(visitor, 'message:new', (m) => m.author.kind === 'bot');
  const active = statusIs(visitor, 'active');
  const sent = await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: 'refund please' });
  expect((await handoffWords).body).toBe('Let me get a person to help you.');
  await active;
  expect(await t.server.store.bots.find(sent.conversation.id)).toMatchObject({ handoffReason: reason });
  expect(llm.requests).toHaveLength(1);
}

describe('the language model bot’s limits', () => {
  it('hands off when the model does not finish in time', () => handedOff({ hang: true }, 'timeout'));

  it('hands off when the model’s endpoint fails', () => handedOff({ status: 500 }, 'bot_failure'));

  it('hands off on a malformed stream', () =>
    handedOff(
      { raw: ['data: {"choices":[{"delta":{"content":"Refunds are"}}]}\n\n', 'data: {not json\n\n'] },
      'bot_failure',
    ));

  it('hands off on a stream cut before it finished', () =>
    handedOff({ raw: ['data: {"choices":[{"delta":{"content":"Refunds are"}}]}\n\n'] }, 'bot_failure'));

  it('hands off the question after the last allowed turn without asking the model', async () => {
    const { t, llm } = w;
    await botSite(t);
    await agentOnline(t, 'Ann');
    llm.script({ stream: ['Within 30 days [1].'] }, { stream: ['Start it from your order page [1].'] });
    const visitor = await visitorOnline(t);
    const { conversation } = await ask(visitor, 'How do I get a refund?');
    await ask(visitor, 'Where do I start a refund?');
    const active = statusIs(visitor, 'active');
    await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: 'And for a refund abroad?' });
    await active;
    expect(llm.requests).toHaveLength(2);
    // the second answer had the first exchange in its prompt
    expect(llm.requests[1]?.body.messages.slice(1).map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'assistant',
      'user',
    ]);
    expect(await t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'no_answer' });
  });
});

describe('LLM_* settings', () => {
  const base = { PARLEY_DATA_DIR: '/tmp/parley-config-test' };

  it('are off without LLM_BASE_URL and LLM_MODEL, with defaults for the limits when on', () => {
    expect(parseConfig(base).llm).toBeUndefined();
    expect(parseConfig({ ...base, LLM_BASE_URL: 'http://localhost:11434/v1/', LLM_MODEL: 'llama3.2' }).llm).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      apiKey: undefined,
      model: 'llama3.2',
      maxTokens: 400,
      timeoutMs: 20_000,
      maxTurns: 5,
      articles: 3,
      maxResponseChars: 464_000,
    });
  });

  it('refuse an endpoint without a model, a model without an endpoint, and limits out of range', () => {
    expect(() => parseConfig({ ...base, LLM_BASE_URL: 'http://localhost:11434/v1' })).toThrow(
      /LLM_MODEL: .*go together/,
    );
    expect(() => parseConfig({ ...base, LLM_MODEL: 'llama3.2' })).toThrow(/LLM_MODEL: .*go together/);
    expect(() => parseConfig({ ...base, LLM_BASE_URL: 'ftp://x', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL/);
    expect(() =>
      parseConfig({ ...base, LLM_BASE_URL: 'http://x', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '5', LLM_MAX_TURNS: '0' }),
    ).toThrow(/LLM_TIMEOUT_MS[\s\S]*LLM_MAX_TURNS/);
  });
});
