/**
 * @module The answer bot's language model over an OpenAI-compatible API (a local Ollama or vLLM, or a
 * hosted one): POST <LLM_BASE_URL>/chat/completions with `stream: true`, the key as a Bearer token when
 * there is one, `max_tokens`, and one time limit from connecting to the last byte (AbortController).
 * Written on fetch rather than the `openai` SDK: the bot needs one request shape and a stream it
 * bounds itself, and the SDK's retries, its own timeouts and its size would be in the way.
 */
import { ChatModelError, type ChatModel, type ChatTurn } from '../domain/answer-bot/chat-model.ts';
import type { LlmConfig } from './llm-config.ts';
import { completionDeltas } from './completion-stream.ts';

export class OpenAiChatClient implements ChatModel {
  readonly #config: LlmConfig;

  constructor(config: LlmConfig) {
    this.#config = config;
  }

  get name(): string {
    return this.#config.model;
  }

  async *stream(turns: readonly ChatTurn[], stop?: AbortSignal): AsyncGenerator<string> {
    const config = this.#config;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    timer.unref();
    const stopping = () => controller.abort(stop?.reason);
    stop?.addEventListener('abort', stopping);
    if (stop?.aborted) stopping();
    try {
      const response = await fetch(`${config.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(config.apiKey === undefined ? {} : { authorization: `Bearer ${config.apiKey}` }),
        },
        body: JSON.stringify({
          model: config.model,
          messages: turns,
          stream: true,
          max_tokens: config.maxTokens,
          // answers that stay close to the sources rather than inventive ones
          temperature: 0.2,
        }),
        signal: controller.signal,
        redirect: 'error',
      });
      if (!response.ok || !response.body) {
        // the body may say why, but it can be long and hold anything: the status is enough for the log
        await response.body?.cancel();
        throw new ChatModelError('failure', `the model's endpoint answered HTTP ${response.status}`);
      }
      yield* completionDeltas(response.body.pipeThrough(new TextDecoderStream()), config.maxResponseChars);
    } catch (error) {
      if (stop?.aborted) throw new ChatModelError('failure', 'the server is stopping', { cause: error });
      if (controller.signal.aborted) {
        throw new ChatModelError('timeout', `no complete answer within ${config.timeoutMs} ms`, { cause: error });
      }
      if (error instanceof ChatModelError) throw error;
      throw new ChatModelError('failure', "the model's endpoint could not be reached", { cause: error });
    } finally {
      clearTimeout(timer);
      stop?.removeEventListener('abort', stopping);
      // a consumer that stops early (the conversation left the bot) ends the request too
      controller.abort();
    }
  }
}
