/**
 * The language model's output read without trust (issue 22), for any input: a chat-completions
 * stream cut into chunks anywhere yields exactly its text; malformed, oversized or cut streams end in
 * a ChatModelError (the bot hands off), never another error or a hang; and whatever the model writes,
 * the answer the visitor reads cites only the sources retrieved, links only the allowed pages and
 * never shows the handoff marker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completionDeltas } from '../../src/llm/completion-stream.ts';
import { ChatModelError } from '../../src/domain/answer-bot/chat-model.ts';
import { readAnswer } from '../../src/domain/answer-bot/llm-answer.ts';

const sse = (pieces: string[]) =>
  pieces.map((content) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`).join('') +
  `data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;

/** `text` in chunks cut at the given points. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length)).filter((c) => c !== '');
}

async function* chunks(list: string[]): AsyncGenerator<string> {
  for (const chunk of list) yield await Promise.resolve(chunk);
}

async function collect(list: string[], maxChars = 1_000_000): Promise<string> {
  let text = '';
  for await (const piece of completionDeltas(chunks(list), maxChars)) text += piece;
  return text;
}

describe('the completion stream reader', () => {
  it('yields exactly the streamed text, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' })), fc.array(fc.nat()), async (pieces, points) => {
        expect(await collect(cut(sse(pieces), points))).toBe(pieces.join(''));
      }),
    );
  });

  it('ends malformed, cut or garbage streams with a ChatModelError and nothing else', async () => {
    const line = fc.oneof(
      fc.constantFrom('data: [DONE]\n\n', 'data: {}\n\n', 'data: {"error":{"message":"x"}}\n\n', ': ping\n\n'),
      fc.string().map((s) => `data: ${s}\n\n`),
      fc.string(),
      fc.array(fc.string()).map((pieces) => sse(pieces).slice(0, -20)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.array(fc.nat()), async (lines, points) => {
        try {
          expect(typeof (await collect(cut(lines.join(''), points)))).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ChatModelError);
        }
      }),
    );
  });

  it('stops reading past the character bound', async () => {
    await expect(collect([sse(['x'.repeat(5000)])], 1000)).rejects.toThrow(/longer than 1000/);
  });
});

describe('the answer read from the model’s text', () => {
  const allowed = 'https://parley.test/help/site/en/articles/refund-policy';
  const token = fc.oneof(
    fc.string(),
    fc.constantFrom('[1]', '[2]', '[3]', '[9]', '[0]', '[2, 7]', '[', '](', 'HANDOFF', '\n', ' '),
    fc.constantFrom(allowed, 'https://evil.example/x', '[here](https://evil.example/y)', `[page](${allowed})`),
  );

  it('cites only retrieved sources, numbered from 1, links only allowed pages and never shows the marker', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (parts, sources, partial) => {
          const answer = readAnswer(parts.join(''), { sources, allowedUrl: (url) => url === allowed, partial });
          expect(answer.cited.every((n) => n >= 1 && n <= sources)).toBe(true);
          expect(new Set(answer.cited).size).toBe(answer.cited.length);
          for (const [, n] of answer.text.matchAll(/\[(\d+)\]/g)) {
            expect(Number(n)).toBeGreaterThanOrEqual(1);
            expect(Number(n)).toBeLessThanOrEqual(answer.cited.length);
          }
          expect(answer.text).not.toContain('evil.example');
          expect(answer.text.split('\n').some((l) => l.trim() === 'HANDOFF')).toBe(false);
          if (answer.handoff) expect(answer.text).toBe('');
        },
      ),
    );
  });

  it('keeps what the whole answer shows while it is written: the text so far leads to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Refunds ', 'take ', '30 days', ' [1]', '[2]', '.', '\n'), { maxLength: 20 }),
        (parts) => {
          const options = { sources: 2, allowedUrl: () => false };
          const whole = readAnswer(parts.join(''), { ...options, partial: false });
          const soFar = readAnswer(parts.slice(0, -1).join(''), { ...options, partial: true });
          expect(whole.text.startsWith(soFar.text)).toBe(true);
        },
      ),
    );
  });
});
