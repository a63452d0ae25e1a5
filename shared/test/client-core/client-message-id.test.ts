/** clientMessageIds must pass the shared schema whether or not the page runs in a secure context. */
import { describe, expect, it } from 'vitest';
import { ClientMessageIdSchema } from '../../src/index.ts';
import { host, newClientMessageId } from '../../src/client-core/index.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const insecure = { getRandomValues: (array: Uint8Array<ArrayBuffer>) => host.crypto.getRandomValues(array) };

describe('newClientMessageId', () => {
  it('uses randomUUID where the runtime offers it', () => {
    const id = newClientMessageId();
    expect(ClientMessageIdSchema.safeParse(id).success).toBe(true);
    expect(newClientMessageId()).not.toBe(id);
    expect(newClientMessageId({ ...insecure, randomUUID: () => 'from-random-uuid' })).toBe('from-random-uuid');
  });

  it('falls back to getRandomValues over plain HTTP, where randomUUID is missing, in the same UUID shape', () => {
    const id = newClientMessageId(insecure);
    expect(id).toMatch(UUID_V4);
    expect(ClientMessageIdSchema.safeParse(id).success).toBe(true);
    expect(newClientMessageId(insecure)).not.toBe(id);
  });

  it('falls back too where randomUUID exists but throws outside a secure context', () => {
    const throwing = {
      ...insecure,
      randomUUID: (): string => {
        throw new Error('SecurityError');
      },
    };
    expect(newClientMessageId(throwing)).toMatch(UUID_V4);
  });
});
