/**
 * @module What the answer bot needs of a language model (issue 22): the text of one answer, as it is
 * written, for a list of chat turns. The server's OpenAI-compatible client (server/src/llm/) implements
 * it; the model only ever produces text: no tool is offered to it and none it names is run.
 */

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatModel {
  /** The model's name as configured (LLM_MODEL), shown to admins. */
  readonly name: string;
  /**
   * The answer's text in pieces as they come, in order. Throws ChatModelError when the endpoint
   * fails, answers something that is not a chat-completions stream, runs out of time, or `stop`
   * fires (the server is stopping).
   */
  stream(turns: readonly ChatTurn[], stop?: AbortSignal): AsyncIterable<string>;
}

/** timeout: the time limit ran out; failure: anything else (HTTP error, malformed or oversized stream). */
export type ChatModelFailure = 'timeout' | 'failure';

export class ChatModelError extends Error {
  readonly kind: ChatModelFailure;

  constructor(kind: ChatModelFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChatModelError';
    this.kind = kind;
  }
}
