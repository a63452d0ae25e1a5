import { describe, expect, it } from 'vitest';
import { createLocalStore } from '../src/client/local-store.ts';
import { Outbox, type OutboxEntry } from '../src/client/outbox.ts';
import { flushOutbox, type SendOutcome } from '../src/client/flush-outbox.ts';

interface Sent {
  entry: OutboxEntry;
  settle(outcome: SendOutcome<string>): void;
}

/** A send function the test answers by hand, counting how many sends are in flight at once. */
function manualSend() {
  const sent: Sent[] = [];
  const waiting: Array<(s: Sent) => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (entry: OutboxEntry): Promise<SendOutcome<string>> =>
    new Promise((resolve) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const item: Sent = {
        entry,
        settle: (outcome) => {
          inFlight--;
          resolve(outcome);
        },
      };
      sent.push(item);
      waiting.shift()?.(item);
    });
  let taken = 0;
  /** The next send the flush makes, in order: already made, or awaited. */
  const next = (): Promise<Sent> => {
    const item = sent[taken++];
    return item ? Promise.resolve(item) : new Promise((resolve) => waiting.push(resolve));
  };
  return { send, next, sent, maxInFlight: () => maxInFlight };
}

describe('flushOutbox', () => {
  it('sends in the order written, one at a time, removing each once stored', async () => {
    const outbox = new Outbox(createLocalStore('s'));
    ['one', 'two', 'three'].forEach((body) => outbox.add(body));
    const io = manualSend();
    const stored: string[] = [];
    const done = flushOutbox(outbox, {
      send: io.send,
      canContinue: () => true,
      onStored: (entry, result) => stored.push(`${entry.body}=${result}`),
      onRejected: () => {},
    });
    for (const [i, body] of ['one', 'two', 'three'].entries()) {
      const sent = await io.next();
      expect(sent.entry.body).toBe(body);
      expect(outbox.list()[0]?.body).toBe(body);
      sent.settle({ kind: 'stored', result: `seq${i + 1}` });
    }
    expect(await done).toEqual({ kind: 'drained' });
    expect(stored).toEqual(['one=seq1', 'two=seq2', 'three=seq3']);
    expect(io.maxInFlight()).toBe(1);
    expect(outbox.list()).toEqual([]);
  });

  it('stops at a lost send and keeps it, with the same clientMessageId, ahead of later ones', async () => {
    const outbox = new Outbox(createLocalStore('s'));
    const first = outbox.add('first');
    const second = outbox.add('second');
    const io = manualSend();
    const done = flushOutbox(outbox, {
      send: io.send,
      canContinue: () => true,
      onStored: () => {},
      onRejected: () => {},
    });
    (await io.next()).settle({ kind: 'retry', error: null });
    expect(await done).toEqual({ kind: 'stalled', error: null });
    expect(io.sent).toHaveLength(1);
    // what the next connect will send, after a reload too
    expect(new Outbox(createLocalStore('s')).list()).toEqual([first, second]);
  });

  it('drops a message the server rejects as invalid and goes on with the next', async () => {
    const outbox = new Outbox(createLocalStore('s'));
    outbox.add('bad');
    outbox.add('good');
    const io = manualSend();
    const rejected: string[] = [];
    const done = flushOutbox(outbox, {
      send: io.send,
      canContinue: () => true,
      onStored: () => {},
      onRejected: (entry, error) => rejected.push(`${entry.body}: ${error.code}`),
    });
    (await io.next()).settle({ kind: 'rejected', error: { code: 'invalid_payload', message: 'too long' } });
    const good = await io.next();
    expect(good.entry.body).toBe('good');
    good.settle({ kind: 'stored', result: 'ok' });
    expect(await done).toEqual({ kind: 'drained' });
    expect(rejected).toEqual(['bad: invalid_payload']);
  });

  it('also sends what was written while a send was in flight', async () => {
    const outbox = new Outbox(createLocalStore('s'));
    outbox.add('early');
    const io = manualSend();
    const done = flushOutbox(outbox, {
      send: io.send,
      canContinue: () => true,
      onStored: () => {},
      onRejected: () => {},
    });
    const early = await io.next();
    outbox.add('late');
    early.settle({ kind: 'stored', result: 'x' });
    const late = await io.next();
    expect(late.entry.body).toBe('late');
    late.settle({ kind: 'stored', result: 'y' });
    expect(await done).toEqual({ kind: 'drained' });
  });

  it('sends nothing more once its connection is gone', async () => {
    const outbox = new Outbox(createLocalStore('s'));
    outbox.add('a');
    outbox.add('b');
    const io = manualSend();
    let connected = true;
    const done = flushOutbox(outbox, {
      send: io.send,
      canContinue: () => connected,
      onStored: () => {},
      onRejected: () => {},
    });
    const a = await io.next();
    connected = false;
    a.settle({ kind: 'stored', result: 'x' });
    expect(await done).toEqual({ kind: 'stopped' });
    expect(outbox.list().map((e) => e.body)).toEqual(['b']);
  });
});
