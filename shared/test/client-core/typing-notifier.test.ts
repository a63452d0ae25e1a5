/** When typing:start / typing:stop go out, on vitest's fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_IDLE_MS, TYPING_REPEAT_MS } from '../../src/limits.ts';
import { createTypingNotifier, type TypingNotifier } from '../../src/client-core/index.ts';

describe('typing notifier on the shared timings', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number): void => void vi.advanceTimersByTime(ms);

  it('repeats every 2 s and stops after 3 s idle: one set of timings for widget and console', () => {
    expect([TYPING_REPEAT_MS, TYPING_IDLE_MS]).toEqual([2000, 3000]);
  });

  it('announces a start, repeats it at most every 2 s while typing, and stops after 3 s idle', () => {
    const events: string[] = [];
    const typing = createTypingNotifier((event) => events.push(event));
    typing.input('c1');
    advance(500);
    typing.input('c1');
    advance(500);
    typing.input('c1');
    expect(events).toEqual(['typing:start']);
    advance(1000);
    typing.input('c1');
    expect(events).toEqual(['typing:start', 'typing:start']);
    advance(TYPING_IDLE_MS - 1);
    expect(events).toHaveLength(2);
    advance(1);
    expect(events).toEqual(['typing:start', 'typing:start', 'typing:stop']);
  });

  it('stops once on send or blur, and not at all when nothing was typed', () => {
    const events: string[] = [];
    const typing = createTypingNotifier((event) => events.push(event));
    typing.stop();
    expect(events).toEqual([]);
    typing.input('c1');
    typing.stop();
    typing.stop();
    advance(10_000);
    expect(events).toEqual(['typing:start', 'typing:stop']);
  });
});

describe('typing notifier across conversations, on fake timers', () => {
  let events: string[];
  let notifier: TypingNotifier;

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    notifier = createTypingNotifier((event, conversationId) => events.push(`${event} ${conversationId}`), 3_000, 2_500);
  });
  afterEach(() => vi.useRealTimers());

  it('sends one start per burst of keystrokes and a stop after 3 s of silence', () => {
    notifier.input('c1', false);
    vi.advanceTimersByTime(500);
    notifier.input('c1', false);
    notifier.input('c1', false);
    expect(events).toEqual(['typing:start c1']);
    vi.advanceTimersByTime(2_999);
    expect(events).toEqual(['typing:start c1']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['typing:start c1', 'typing:stop c1']);
  });

  it('repeats start while typing goes on, so a long reply keeps the indicator alive', () => {
    // keystrokes every second for 6 s: starts at 0 s, 3 s and 6 s (each at least 2.5 s after the last)
    for (let i = 0; i <= 6; i += 1) {
      notifier.input('c1', false);
      vi.advanceTimersByTime(1_000);
    }
    expect(events).toEqual(['typing:start c1', 'typing:start c1', 'typing:start c1']);
  });

  it('stops at once on send, on an emptied box and on switching conversation', () => {
    notifier.input('c1', false);
    notifier.stop();
    notifier.input('c1', false);
    notifier.input('c1', true);
    notifier.input('c1', false);
    notifier.input('c2', false);
    expect(events).toEqual([
      'typing:start c1',
      'typing:stop c1',
      'typing:start c1',
      'typing:stop c1',
      'typing:start c1',
      'typing:stop c1',
      'typing:start c2',
    ]);
    vi.advanceTimersByTime(3_000);
    expect(events.at(-1)).toBe('typing:stop c2');
    expect(events).toHaveLength(8);
  });
});
