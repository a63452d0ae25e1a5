/**
 * @module Reads an OpenAI-compatible chat-completions stream (`stream: true`): Server-Sent Events whose
 * `data:` is one JSON chunk each, ending with `data: [DONE]`. The SSE framing is eventsource-parser's
 * (a well-kept, dependency-free parser of the spec, bounded buffering); this module checks each chunk
 * with zod and yields the answer's text pieces. Anything else (a chunk that is not JSON or not a
 * completion chunk, an `error` object, a stream cut before it finished, more characters than allowed)
 * is a ChatModelError('failure'): the bot hands off rather than show half an answer as whole.
 * Tool calls in a chunk are ignored: the model is offered none and none is run.
 */
import { createParser } from 'eventsource-parser';
import { z } from 'zod';
import { ChatModelError } from '../domain/answer-bot/chat-model.ts';

const ChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
});

const ErrorChunkSchema = z.object({ error: z.unknown() });

/** The text pieces of one streamed completion; `maxChars` bounds the characters read (SSE as received). */
export async function* completionDeltas(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<string> {
  const pieces: string[] = [];
  let problem: string | undefined;
  let done = false;
  let finished = false;
  const parser = createParser({
    onEvent({ data }) {
      if (done || problem !== undefined) return;
      if (data.trim() === '[DONE]') {
        done = true;
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        problem = 'a stream event is not JSON';
        return;
      }
      if (ErrorChunkSchema.safeParse(json).success) {
        problem = 'the stream reported an error';
        return;
      }
      const chunk = ChunkSchema.safeParse(json);
      if (!chunk.success) {
        problem = 'a stream event is not a chat-completion chunk';
        return;
      }
      for (const choice of chunk.data.choices.slice(0, 1)) {
        const content = choice.delta?.content;
        if (content) pieces.push(content);
        if (choice.finish_reason) finished = true;
      }
    },
  });
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    if (read > maxChars) throw new ChatModelError('failure', `the answer is longer than ${maxChars} characters`);
    parser.feed(chunk);
    if (problem !== undefined) throw new ChatModelError('failure', problem);
    yield* pieces.splice(0);
    if (done) return;
  }
  // an event without its final blank line still counts, as a browser's EventSource would not
  parser.reset({ consume: true });
  if (problem !== undefined) throw new ChatModelError('failure', problem);
  yield* pieces.splice(0);
  if (!done && !finished) throw new ChatModelError('failure', 'the stream ended before the answer finished');
}
