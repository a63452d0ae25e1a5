import { describe, expect, it } from 'vitest';
import { TYPING_IDLE_MS, TypingNotifier, type TypingClock } from '../src/client/typing-notifier.ts';

/** A clock the test moves by hand: timers fire when `advance` passes their due time. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const clock: TypingClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++nextId, { due: now + ms, fn });
      return nextId;
    },
    clearTimeout: (handle) => {
      if (typeof handle === 'number') timers.delete(handle);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.due > now) continue;
      timers.delete(id);
      timer.fn();
    }
  };
  return { clock, advance };
}

describe('TypingNotifier', () => {
  it('announces a start, repeats it at most every 2 s while typing, and stops after 3 s idle', () => {
    const { clock, advance } = manualClock();
    const events: string[] = [];
    const typing = new TypingNotifier((event) => events.push(event), clock);
    typing.input();
    advance(500);
    typing.input();
    advance(500);
    typing.input();
    expect(events).toEqual(['typing:start']);
    advance(1000);
    typing.input();
    expect(events).toEqual(['typing:start', 'typing:start']);
    advance(TYPING_IDLE_MS - 1);
    expect(events).toHaveLength(2);
    advance(1);
    expect(events).toEqual(['typing:start', 'typing:start', 'typing:stop']);
  });

  it('stops once on send or blur, and not at all when nothing was typed', () => {
    const { clock, advance } = manualClock();
    const events: string[] = [];
    const typing = new TypingNotifier((event) => events.push(event), clock);
    typing.stop();
    expect(events).toEqual([]);
    typing.input();
    typing.stop();
    typing.stop();
    advance(10_000);
    expect(events).toEqual(['typing:start', 'typing:stop']);
  });
});
