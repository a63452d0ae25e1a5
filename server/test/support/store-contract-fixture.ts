/**
 * @module What every part of the storage contract starts from: a fresh store per test (from the
 * engine's `open`) with one site, a clock that ticks a second per call, and helpers that make an
 * agent, a queued conversation and a visitor's message in it.
 */
import { afterEach, beforeEach } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { siteFixture } from './site-fixture.ts';

export type OpenStore = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

export interface StoreFixture {
  /** Hands each test's fresh store, and the site in it, to `use` before the test runs. */
  onEach(use: (opened: { store: Store; siteId: string }) => void): void;
  now: () => string;
  agent: (name: string, capacity?: number) => ReturnType<Store['agents']['create']>;
  conversation: () => ReturnType<Store['conversations']['create']>;
  message: (
    conversationId: string,
    body: string,
    clientMessageId?: string | null,
  ) => ReturnType<Store['messages']['append']>;
}

/** Registers the hooks in the calling describe block. */
export function useStoreFixture(open: OpenStore): StoreFixture {
  let store: Store;
  let dispose: () => Promise<void>;
  let siteId: string;
  let clock = 0;
  const users: Array<(opened: { store: Store; siteId: string }) => void> = [];
  const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();

  beforeEach(async () => {
    ({ store, dispose } = await open());
    siteId = (await store.sites.create(siteFixture(now()))).id;
    for (const use of users) use({ store, siteId });
  });
  afterEach(async () => {
    await dispose();
  });

  return {
    onEach: (use) => users.push(use),
    now,
    agent: (name, capacity = 2) =>
      store.agents.create({
        id: newId('agt'),
        email: `${name}@Example.com`,
        name,
        role: 'agent',
        capacity,
        passwordHash: 'scrypt$x',
        createdAt: now(),
      }),
    async conversation() {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, siteId, now());
      return store.conversations.create({ id: newId('conv'), siteId, visitorId, now: now() });
    },
    message: (conversationId, body, clientMessageId = newId('msg')) =>
      store.messages.append({
        id: newId('msg'),
        conversationId,
        clientMessageId,
        author: { kind: 'visitor', id: null, name: null },
        body,
        now: now(),
      }),
  };
}
