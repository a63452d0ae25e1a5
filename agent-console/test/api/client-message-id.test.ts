/** clientMessageIds must pass the shared schema whether or not the page runs in a secure context. */
import { describe, expect, it } from 'vitest';
import { ClientMessageIdSchema } from '@parley/shared';
import { newClientMessageId } from '../../src/api/client-message-id.ts';

describe('newClientMessageId', () => {
  it('uses randomUUID where the browser offers it', () => {
    const id = newClientMessageId(crypto);
    expect(ClientMessageIdSchema.safeParse(id).success).toBe(true);
    expect(newClientMessageId(crypto)).not.toBe(id);
  });

  it('falls back to getRandomValues over plain HTTP, where randomUUID is missing', () => {
    const insecure = { getRandomValues: (array: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(array) };
    const id = newClientMessageId(insecure);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(ClientMessageIdSchema.safeParse(id).success).toBe(true);
  });
});
