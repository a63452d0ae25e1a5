import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { createTabSync, isTabMessage, type TabMessage } from '../src/client/tab-sync.ts';
import { useTabSync } from '../src/app/use-tab-sync.ts';

afterEach(cleanup);

/** A stand-in for one tab's widget: a panel state kept in step with the other tabs. */
function Tab({
  name,
  site = 'pk_tabs',
  initial = false,
}: {
  name: string;
  site?: string;
  initial?: boolean;
}): JSX.Element {
  const [open, setOpen] = useState(initial);
  useTabSync(site, open, setOpen);
  return (
    <button type="button" data-testid={name} data-open={String(open)} onClick={() => setOpen(!open)}>
      {name}
    </button>
  );
}

const isOpen = (name: string): string | null => screen.getByTestId(name).getAttribute('data-open');

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
    expect(isTabMessage({ open: true, reply: true })).toBe(true);
    expect(isTabMessage({ ask: true })).toBe(true);
    expect(isTabMessage({ open: 'yes' })).toBe(false);
    expect(isTabMessage({ open: true, reply: 'sure' })).toBe(false);
    expect(isTabMessage({ ask: 1 })).toBe(false);
    expect(isTabMessage(null)).toBe(false);
  });

  it('opens a new tab’s panel when the visitor’s other tabs have theirs open', async () => {
    render(<Tab name="first" />);
    fireEvent.click(screen.getByTestId('first'));
    expect(isOpen('first')).toBe('true');
    render(<Tab name="second" />);
    await waitFor(() => expect(isOpen('second')).toBe('true'));
    // and changes keep flowing both ways
    fireEvent.click(screen.getByTestId('second'));
    await waitFor(() => expect(isOpen('first')).toBe('false'));
  });

  it('lets an answer open a tab, never close one', async () => {
    render(<Tab name="asker" site="pk_tabs_3" />);
    const other = createTabSync('pk_tabs_3', () => {});
    // "closed" changes nothing (nor could it close a tab the visitor opened meanwhile), and the
    // tab still listens for a tab that has the panel open
    other.post({ open: false, reply: true });
    other.post({ open: true, reply: true });
    await waitFor(() => expect(isOpen('asker')).toBe('true'));
    other.close();
  });

  it('keeps a new tab closed when the other tabs are closed, and a tab opened by the page tells the others', async () => {
    render(<Tab name="closed" site="pk_tabs_2" />);
    render(<Tab name="late" site="pk_tabs_2" />);
    render(<Tab name="opened" site="pk_tabs_2" initial />);
    await waitFor(() => expect([isOpen('closed'), isOpen('late'), isOpen('opened')]).toEqual(['true', 'true', 'true']));
  });
});
