import { describe, expect, it } from 'vitest';
import { createLocalStore } from '../src/client/local-store.ts';
import { Outbox } from '../src/client/outbox.ts';

/** A fresh Outbox over the same localStorage: what the next page load sees. */
const reload = (siteKey = 'site-a'): Outbox => new Outbox(createLocalStore(siteKey));

describe('Outbox', () => {
  it('survives a reload with bodies, ids and order intact', () => {
    const before = reload();
    const first = before.add('first');
    const second = before.add('second <b>not bold</b>');
    const after = reload();
    expect(after.list()).toEqual([first, second]);
    expect(localStorage.getItem('parley:site-a:outbox')).not.toBeNull();
  });

  it('gives every entry a distinct clientMessageId the server will accept', () => {
    const outbox = reload();
    const ids = [outbox.add('a'), outbox.add('b'), outbox.add('c')].map((e) => e.clientMessageId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('removes only the acknowledged entry, and the removal survives a reload', () => {
    const outbox = reload();
    const first = outbox.add('first');
    const second = outbox.add('second');
    outbox.remove(first.clientMessageId);
    expect(reload().list()).toEqual([second]);
    outbox.remove(second.clientMessageId);
    expect(localStorage.getItem('parley:site-a:outbox')).toBeNull();
  });

  it('sees entries another tab added instead of overwriting them', () => {
    const tabA = reload();
    const tabB = reload();
    const a = tabA.add('from tab A');
    const b = tabB.add('from tab B');
    expect(tabA.list()).toEqual([a, b]);
  });

  it('keeps sites apart', () => {
    reload('site-a').add('for a');
    expect(reload('site-b').list()).toEqual([]);
  });

  it('ignores corrupt stored data instead of throwing', () => {
    localStorage.setItem('parley:site-a:outbox', '{not json');
    expect(reload().list()).toEqual([]);
    localStorage.setItem('parley:site-a:outbox', JSON.stringify([{ body: 42 }]));
    expect(reload().list()).toEqual([]);
  });

  it('still works for the page lifetime when storage refuses writes', () => {
    const full: Storage = Object.assign(Object.create(localStorage) as Storage, {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    });
    const outbox = new Outbox(createLocalStore('site-a', full));
    const entry = outbox.add('kept in memory');
    expect(outbox.list()).toEqual([entry]);
  });
});
