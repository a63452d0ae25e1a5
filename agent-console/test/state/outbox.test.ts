/** The console's outbox under the shared transitions: order per conversation, delivery by clientMessageId, refused messages. */
import { describe, expect, it } from 'vitest';
import { addPending, awaitingSend, markFailed, removeDelivered, removePending } from '@parley/shared/client-core';
import { pendingIn, type PendingMessage } from '../../src/state/outbox.ts';
import { makeMessage } from '../support/fixtures.ts';

describe('outbox', () => {
  const outbox = addPending<PendingMessage>(
    addPending<PendingMessage>([], { clientMessageId: 'cmid-0001', conversationId: 'c1', body: 'one', error: null }),
    { clientMessageId: 'cmid-0002', conversationId: 'c2', body: 'two', error: null },
  );

  it('keeps entries in the order they were written, per conversation', () => {
    expect(awaitingSend(outbox).map((p) => p.body)).toEqual(['one', 'two']);
    expect(pendingIn(outbox, 'c2').map((p) => p.body)).toEqual(['two']);
  });

  it('drops an entry once a stored message carries its clientMessageId', () => {
    const stored = makeMessage({ conversationId: 'c1', seq: 5, author: 'agent', clientMessageId: 'cmid-0001' });
    expect(removeDelivered(outbox, [stored]).map((p) => p.clientMessageId)).toEqual(['cmid-0002']);
    const unrelated = makeMessage({ conversationId: 'c1', seq: 6 });
    expect(removeDelivered(outbox, [unrelated])).toBe(outbox);
  });

  it('stops retrying a message the server refused, but still shows it', () => {
    const failed = markFailed(outbox, 'cmid-0001', 'The conversation has ended.');
    expect(awaitingSend(failed).map((p) => p.clientMessageId)).toEqual(['cmid-0002']);
    expect(pendingIn(failed, 'c1')[0]?.error).toBe('The conversation has ended.');
    expect(removePending(failed, 'cmid-0001')).toHaveLength(1);
  });
});
