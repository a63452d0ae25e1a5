/**
 * The public API's events: the emitter (sticky ready, listener isolation, dispose) and how chat
 * state changes become open/close, message, conversation and unread events.
 */
import { describe, expect, it, vi } from 'vitest';
import { ParleyEvents } from '../src/api/event-emitter.ts';
import { stateEvents, unreadCount } from '../src/api/state-events.ts';
import { isApiMethod } from '../src/api/widget-api.ts';
import type { ChatState } from '../src/client/chat-state.ts';
import { activeConversation, message, state as onlineState, visitorMessage } from './fixtures.ts';

function eventsBetween(prev: ChatState, next: ChatState): unknown[][] {
  const events: unknown[][] = [];
  stateEvents(prev, next, (event, payload) => events.push([event, payload]));
  return events;
}

describe('ParleyEvents', () => {
  it('calls listeners in the order they were added, and no longer after off', () => {
    const events = new ParleyEvents();
    const seen: string[] = [];
    const first = (): void => void seen.push('first');
    events.on('open', first);
    events.on('open', () => seen.push('second'));
    events.emit('open', {});
    events.off('open', first);
    events.emit('open', {});
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('tells a late ready listener that the widget is ready', async () => {
    const events = new ParleyEvents();
    events.emit('ready', { siteKey: 's' });
    const late = await new Promise((resolve) => events.on('ready', resolve));
    expect(late).toEqual({ siteKey: 's' });
  });

  it('keeps going when a host page listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = new ParleyEvents();
    const after = vi.fn();
    events.on('close', () => {
      throw new Error('host bug');
    });
    events.on('close', after);
    events.emit('close', {});
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('forgets every listener on dispose', () => {
    const events = new ParleyEvents();
    const listener = vi.fn();
    events.on('open', listener);
    events.dispose();
    events.emit('open', {});
    events.on('open', listener);
    events.emit('open', {});
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('state events', () => {
  it('reports opening and closing', () => {
    const closed = onlineState();
    const open = { ...closed, open: true };
    expect(eventsBetween(closed, open)).toEqual([['open', {}]]);
    expect(eventsBetween(open, closed)).toEqual([['close', {}]]);
  });

  it('reports a conversation starting, an agent message arriving, and the conversation ending', () => {
    const none = onlineState();
    const started = { ...none, conversation: activeConversation() };
    expect(eventsBetween(none, started)).toEqual([['conversation:started', { conversationId: 'c1' }]]);

    const withReply = {
      ...started,
      thread: { conversationId: 'c1', messages: [visitorMessage(1), message(2, { body: 'Hello' })] },
    };
    expect(eventsBetween(started, withReply)).toEqual([
      [
        'message:received',
        {
          id: 'c1-m2',
          conversationId: 'c1',
          seq: 2,
          author: 'agent',
          authorName: 'Ada',
          body: 'Hello',
          createdAt: '2025-01-01T00:00:00.000Z',
        },
      ],
    ]);

    const ended = { ...withReply, conversation: activeConversation({ status: 'closed' }) };
    expect(eventsBetween(withReply, ended)).toEqual([['conversation:ended', { conversationId: 'c1' }]]);
  });

  it('does not call a conversation that was already closed when the page learnt of it ended', () => {
    const none = onlineState();
    expect(eventsBetween(none, { ...none, conversation: activeConversation({ status: 'closed' }) })).toEqual([]);
  });

  it('counts agent messages after what the visitor has seen as unread', () => {
    const state = {
      ...onlineState(),
      conversation: activeConversation({ visitorSeenSeq: 2 }),
      thread: { conversationId: 'c1', messages: [message(1), message(2), visitorMessage(3), message(4), message(5)] },
    };
    expect(unreadCount(state, 0)).toBe(2);
    expect(unreadCount(state, 4)).toBe(1);
  });
});

describe('API methods', () => {
  it('accepts the documented methods only', () => {
    expect(isApiMethod('trackPageView')).toBe(true);
    expect(isApiMethod('constructor')).toBe(false);
    expect(isApiMethod('unmount')).toBe(false);
  });
});
