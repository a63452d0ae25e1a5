/** When the agent's typing:start / typing:stop go out, on fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingNotifier } from '../../src/api/typing-notifier.ts';

describe('typing notifier', () => {
  let events: string[];
  let notifier: ReturnType<typeof createTypingNotifier>;

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    notifier = createTypingNotifier((event, conversationId) => events.push(`${event} ${conversationId}`), {
      idleMs: 3_000,
      repeatMs: 2_500,
    });
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
