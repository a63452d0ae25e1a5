import { describe, expect, it } from 'vitest';
import { createTabSync, isTabMessage, type TabMessage } from '../src/client/tab-sync.ts';

describe('tab sync', () => {
  it('tells the other tabs of the same site, not other sites', async () => {
    const received: TabMessage[] = [];
    const other: TabMessage[] = [];
    const tabA = createTabSync('pk_1', () => {});
    const done = new Promise<void>((resolve) => {
      createTabSync('pk_1', (message) => {
        received.push(message);
        resolve();
      });
    });
    const otherSite = createTabSync('pk_2', (message) => other.push(message));
    tabA.post({ open: true });
    await done;
    expect(received).toEqual([{ open: true }]);
    expect(other).toEqual([]);
    tabA.close();
    otherSite.close();
  });

  it('ignores foreign messages on the channel', () => {
    expect(isTabMessage({ open: false })).toBe(true);
    expect(isTabMessage({ open: 'yes' })).toBe(false);
    expect(isTabMessage(null)).toBe(false);
  });
});
