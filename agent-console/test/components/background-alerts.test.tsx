/** Getting the agent's attention while the console is in the background: chime, notification, tab title. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { openAgentMenu, renderConsole } from '../support/render-console.tsx';

describe('background alerts', () => {
  it('chimes and notifies for a new chat and a visitor message only while the tab is hidden', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'c1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'hi' }]);
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Hal' }, [
      { author: 'visitor', body: 'I need help with my order' },
    ]);
    const { attention, visibility } = await renderConsole({ channel });
    await screen.findByRole('button', { name: /Grace/ });

    channel.visitorSays('c1', 'seen while looking');
    await screen.findByText('seen while looking');
    expect(attention.chimes).toBe(0);

    visibility.set(false);
    channel.visitorSays('c1', 'are you there?');
    channel.assign('q1');
    await waitFor(() => expect(attention.notifications).toHaveLength(2));
    expect(attention.notifications).toEqual([
      { title: 'Grace', body: 'are you there?', tag: 'c1' },
      { title: 'New chat with Hal', body: 'I need help with my order', tag: 'q1' },
    ]);
    expect(attention.chimes).toBe(2);
  });

  it('nudges for a visitor waiting to be accepted by hand', async () => {
    const channel = new FakeChannel();
    channel.routingMode = 'manual';
    const { attention, visibility } = await renderConsole({ channel });
    visibility.set(false);
    channel.visitorWaits('q9', 'Is the shop open on Sunday?', 'Ida');
    await waitFor(() =>
      expect(attention.notifications).toEqual([
        { title: 'Ida is waiting', body: 'Is the shop open on Sunday?', tag: 'q9' },
      ]),
    );
  });

  it('counts unread messages and visitors to accept in the tab title', async () => {
    const channel = new FakeChannel();
    channel.routingMode = 'manual';
    channel.seed({ id: 'c1', visitorName: 'Grace' }, [
      { author: 'visitor', body: 'one' },
      { author: 'visitor', body: 'two' },
    ]);
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Hal' }, [{ author: 'visitor', body: 'help' }]);
    const { visibility } = await renderConsole({ channel });
    visibility.set(false);
    await waitFor(() => expect(document.title).toBe('(3) Inbox · Parley'));
    channel.otherAgentAccepts('q1');
    await waitFor(() => expect(document.title).toBe('(2) Inbox · Parley'));
  });

  describe('desktop notification permission', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('is asked only when the agent presses the button, which then goes away', async () => {
      const requestPermission = vi.fn(() => Promise.resolve('granted'));
      vi.stubGlobal('Notification', { permission: 'default', requestPermission });
      await renderConsole();
      expect(requestPermission).not.toHaveBeenCalled();
      openAgentMenu();
      fireEvent.click(screen.getByRole('button', { name: 'Enable desktop notifications' }));
      expect(requestPermission).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull());
    });
  });
});
