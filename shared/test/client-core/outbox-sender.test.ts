/** Sending an outbox: order, one at a time, what a refusal means, and retrying what got no answer. */
import { describe, expect, it } from 'vitest';
import {
  addPending,
  createBackoff,
  createOutboxSender,
  flushOutbox,
  refusalOutcome,
  removePending,
  type FlushHooks,
  type SendOutcome,
} from '../../src/client-core/index.ts';

interface Entry {
  clientMessageId: string;
  body: string;
}

interface Sent {
  entry: Entry;
  settle(outcome: SendOutcome<string>): void;
}

/** An outbox in memory; `stored` and `rejected` take entries off it, as each client's hooks do. */
function memoryOutbox() {
  let entries: Entry[] = [];
  let ids = 0;
  return {
    add(body: string): Entry {
      const entry = { clientMessageId: `cmid-${++ids}`, body };
      entries = addPending(entries, entry);
      return entry;
    },
    list: (): readonly Entry[] => entries,
    remove(entry: Entry): void {
      entries = removePending(entries, entry.clientMessageId);
    },
  };
}

/** A send function the test answers by hand, counting how many sends are in flight at once. */
function manualSend() {
  const sent: Sent[] = [];
  const waiting: Array<(s: Sent) => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (entry: Entry): Promise<SendOutcome<string>> =>
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

function hooksFor(
  outbox: ReturnType<typeof memoryOutbox>,
  io: ReturnType<typeof manualSend>,
  overrides: Partial<FlushHooks<Entry, number, string>> = {},
): FlushHooks<Entry, number, string> {
  return {
    waiting: outbox.list,
    send: (_link, entry) => io.send(entry),
    current: () => true,
    stored: (entry) => outbox.remove(entry),
    rejected: (entry) => outbox.remove(entry),
    ...overrides,
  };
}

describe('flushOutbox', () => {
  it('sends in the order written, one at a time, removing each once stored', async () => {
    const outbox = memoryOutbox();
    ['one', 'two', 'three'].forEach((body) => outbox.add(body));
    const io = manualSend();
    const stored: string[] = [];
    const done = flushOutbox(
      hooksFor(outbox, io, {
        stored: (entry, result) => {
          outbox.remove(entry);
          stored.push(`${entry.body}=${result}`);
        },
      }),
      1,
    );
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
    const outbox = memoryOutbox();
    const first = outbox.add('first');
    const second = outbox.add('second');
    const io = manualSend();
    const done = flushOutbox(hooksFor(outbox, io), 1);
    (await io.next()).settle({ kind: 'retry', error: null });
    expect(await done).toEqual({ kind: 'stalled', error: null });
    expect(io.sent).toHaveLength(1);
    // what the next connect will send
    expect(outbox.list()).toEqual([first, second]);
  });

  it('drops a message the server rejects as invalid and goes on with the next', async () => {
    const outbox = memoryOutbox();
    outbox.add('bad');
    outbox.add('good');
    const io = manualSend();
    const rejected: string[] = [];
    const done = flushOutbox(
      hooksFor(outbox, io, {
        rejected: (entry, error) => {
          outbox.remove(entry);
          rejected.push(`${entry.body}: ${error.code}`);
        },
      }),
      1,
    );
    (await io.next()).settle({ kind: 'rejected', error: { code: 'invalid_payload', message: 'too long' } });
    const good = await io.next();
    expect(good.entry.body).toBe('good');
    good.settle({ kind: 'stored', result: 'ok' });
    expect(await done).toEqual({ kind: 'drained' });
    expect(rejected).toEqual(['bad: invalid_payload']);
  });

  it('also sends what was written while a send was in flight', async () => {
    const outbox = memoryOutbox();
    outbox.add('early');
    const io = manualSend();
    const done = flushOutbox(hooksFor(outbox, io), 1);
    const early = await io.next();
    outbox.add('late');
    early.settle({ kind: 'stored', result: 'x' });
    const late = await io.next();
    expect(late.entry.body).toBe('late');
    late.settle({ kind: 'stored', result: 'y' });
    expect(await done).toEqual({ kind: 'drained' });
  });

  it('sends nothing more once its connection is gone', async () => {
    const outbox = memoryOutbox();
    outbox.add('a');
    outbox.add('b');
    const io = manualSend();
    let connected = true;
    const done = flushOutbox(hooksFor(outbox, io, { current: () => connected }), 1);
    const a = await io.next();
    connected = false;
    a.settle({ kind: 'stored', result: 'x' });
    expect(await done).toEqual({ kind: 'stopped' });
    expect(outbox.list().map((e) => e.body)).toEqual(['b']);
  });
});

describe('refusalOutcome', () => {
  it("retries what got no answer, the server's own failure and rate limiting; any other refusal is final", () => {
    expect(refusalOutcome(null)).toEqual({ kind: 'retry', error: null });
    for (const code of ['internal', 'rate_limited'] as const) {
      expect(refusalOutcome({ code, message: code }).kind).toBe('retry');
    }
    for (const code of ['invalid_payload', 'unavailable', 'conversation_closed', 'forbidden', 'not_found'] as const) {
      expect(refusalOutcome({ code, message: code })).toEqual({ kind: 'rejected', error: { code, message: code } });
    }
  });
});

describe('createOutboxSender', () => {
  /** A sender over `outbox` whose connection the test switches, with retries it runs by hand. */
  function sender(outbox: ReturnType<typeof memoryOutbox>, io: ReturnType<typeof manualSend>) {
    let link: number | null = 1;
    const retries: Array<{ fn: () => void; ms: number }> = [];
    const stored: string[] = [];
    const outboxSender = createOutboxSender<Entry, number, string>(
      {
        waiting: outbox.list,
        link: () => link,
        current: (sentOn) => sentOn === link,
        send: (_link, entry) => io.send(entry),
        stored: (entry, result) => {
          outbox.remove(entry);
          stored.push(`${entry.body}=${result}`);
        },
        rejected: (entry) => outbox.remove(entry),
      },
      createBackoff(),
      { later: (fn, ms) => void retries.push({ fn, ms }) },
    );
    return { outboxSender, retries, stored, setLink: (value: number | null) => (link = value) };
  }

  it('runs one flush at a time, and once more for a request that came mid-flush', async () => {
    const outbox = memoryOutbox();
    const io = manualSend();
    const { outboxSender, stored } = sender(outbox, io);
    outbox.add('one');
    const flushed = outboxSender.flush();
    const one = await io.next();
    outbox.add('two');
    void outboxSender.flush();
    expect(io.sent).toHaveLength(1);
    one.settle({ kind: 'retry', error: null });
    await flushed;
    // the request that came mid-flush sends at once: the message written then does not wait for a backoff
    const again = await io.next();
    expect(again.entry.body).toBe('one');
    again.settle({ kind: 'stored', result: 'a' });
    (await io.next()).settle({ kind: 'stored', result: 'b' });
    await expect.poll(() => stored).toEqual(['one=a', 'two=b']);
    expect(io.maxInFlight()).toBe(1);
  });

  it('tries a send that got no answer again after a backoff while connected, not after the connection is gone', async () => {
    const outbox = memoryOutbox();
    const io = manualSend();
    const { outboxSender, retries, stored, setLink } = sender(outbox, io);
    outbox.add('slow');
    const first = outboxSender.flush();
    (await io.next()).settle({ kind: 'retry', error: null });
    await first;
    expect(retries).toHaveLength(1);
    expect(retries[0]?.ms).toBeLessThanOrEqual(1000);

    retries[0]?.fn();
    const lost = await io.next();
    expect(lost.entry.body).toBe('slow');
    setLink(2);
    lost.settle({ kind: 'retry', error: null });
    await expect.poll(() => io.sent.length).toBe(2);
    // the connection it was sent on is gone: the next connect's flush sends it, not a timer
    expect(retries).toHaveLength(1);

    const next = outboxSender.flush();
    (await io.next()).settle({ kind: 'stored', result: 'x' });
    await next;
    expect(stored).toEqual(['slow=x']);
  });

  it('sends nothing while offline', async () => {
    const outbox = memoryOutbox();
    const io = manualSend();
    const { outboxSender, setLink } = sender(outbox, io);
    outbox.add('written offline');
    setLink(null);
    await outboxSender.flush();
    expect(io.sent).toEqual([]);
  });
});
