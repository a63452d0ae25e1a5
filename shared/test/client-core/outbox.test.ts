/** Pure outbox transitions: order, delivery by clientMessageId, refused messages. */
import { describe, expect, it } from 'vitest';
import { addPending, awaitingSend, markFailed, removeDelivered, removePending } from '../../src/client-core/index.ts';

interface Pending {
  clientMessageId: string;
  conversationId: string;
  body: string;
  error: string | null;
}

const message = (seq: number, clientMessageId: string | null) => ({ seq, clientMessageId });

describe('outbox', () => {
  const outbox = addPending<Pending>(
    addPending<Pending>([], { clientMessageId: 'cmid-0001', conversationId: 'c1', body: 'one', error: null }),
    { clientMessageId: 'cmid-0002', conversationId: 'c2', body: 'two', error: null },
  );

  it('keeps entries in the order they were written', () => {
    expect(awaitingSend(outbox).map((p) => p.body)).toEqual(['one', 'two']);
  });

  it('drops an entry once a stored message carries its clientMessageId', () => {
    expect(removeDelivered(outbox, [message(5, 'cmid-0001')]).map((p) => p.clientMessageId)).toEqual(['cmid-0002']);
    expect(removeDelivered(outbox, [message(6, null)])).toBe(outbox);
  });

  it('stops retrying a message the server refused, but still shows it', () => {
    const failed = markFailed(outbox, 'cmid-0001', 'The conversation has ended.');
    expect(awaitingSend(failed).map((p) => p.clientMessageId)).toEqual(['cmid-0002']);
    expect(failed[0]?.error).toBe('The conversation has ended.');
    expect(removePending(failed, 'cmid-0001')).toHaveLength(1);
  });

  it('counts an entry without an error field (the widget keeps none) as still to send', () => {
    const entries = [{ clientMessageId: 'cmid-0003', body: 'three' }];
    expect(awaitingSend(entries)).toEqual(entries);
  });
});
