/**
 * The conversation's design pieces (issue 18): the timeline's groups, day separators and system
 * lines; the announcer saying each message once; the system lines from conversation updates; the
 * honest header; the theme's scheme and palette, and the launcher's ring on a page of its colour.
 */
import { describe, expect, it } from 'vitest';
import { render, renderHook, screen } from '@testing-library/preact';
import { newAnnouncements } from '../src/app/announcer.tsx';
import { timeline } from '../src/app/timeline.ts';
import { useSystemLines } from '../src/app/use-system-lines.ts';
import { accentStyle, launcherNeedsRing, opaqueHex, useColorScheme } from '../src/app/use-theme.ts';
import { ChatPanel } from '../src/app/chat-panel.tsx';
import { strings } from '../src/i18n/locales/en.ts';
import { EMPTY_THREAD, mergeMessages } from '../src/client/message-merge.ts';
import { activeConversation, conversation, message, state, visitorMessage } from './fixtures.ts';
import { inEnglish } from './in-english.tsx';
import { panelActions } from './panel-actions.ts';

const at = (minute: number, day = 1) => `2025-01-0${day}T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the timeline', () => {
  it('groups consecutive messages by sender, breaking at a gap, a line or a new day', () => {
    const items = timeline(
      [
        visitorMessage(1, { createdAt: at(0) }),
        visitorMessage(2, { createdAt: at(1) }),
        message(3, { createdAt: at(2) }),
        message(4, { createdAt: at(3) }),
        message(5, { createdAt: at(20) }),
        message(6, { createdAt: at(21, 2) }),
      ],
      [{ key: 'joined', text: 'Ada joined the chat', at: '2025-01-01T10:01:30.000Z' }],
    );
    expect(
      items.map((item) =>
        item.kind === 'message'
          ? `${item.message.seq}${item.first ? 'F' : ''}${item.last ? 'L' : ''}`
          : item.kind === 'line'
            ? item.text
            : 'day',
      ),
    ).toEqual(['day', '1F', '2L', 'Ada joined the chat', '3F', '4L', '5FL', 'day', '6FL']);
  });

  it('puts lines due after the last message at the end', () => {
    const items = timeline([message(1, { createdAt: at(0) })], [{ key: 'closed', text: 'Chat ended', at: at(5) }]);
    expect(items.at(-1)).toEqual({ kind: 'line', key: 'closed', text: 'Chat ended' });
  });
});

describe('the announcer', () => {
  const heard = () => ({ keys: new Set<string>(), status: null, online: true });

  it('says a sent message once: not again when its stored copy replaces it, nothing for Seen', () => {
    const ears = heard();
    const pending = { clientMessageId: 'c-1', body: 'Hello', createdAt: at(0) };
    expect(newAnnouncements(strings, state({ outbox: [pending] }), ears)).toEqual(['Hello']);
    const stored = visitorMessage(1, { body: 'Hello', clientMessageId: 'c-1' });
    const conv = activeConversation({ lastSeq: 1 });
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [stored]);
    expect(newAnnouncements(strings, state({ conversation: conv, thread }), ears)).toEqual(['Chatting with Ada']);
    const seen = state({ conversation: { ...conv, agentSeenSeq: 1 }, thread });
    expect(newAnnouncements(strings, seen, ears)).toEqual([]);
  });

  it('names the agent, and says the end of the chat', () => {
    const ears = heard();
    const conv = activeConversation();
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1, { body: 'Hi there' })]);
    expect(newAnnouncements(strings, state({ conversation: conv, thread }), ears)).toEqual([
      'Ada: Hi there',
      'Chatting with Ada',
    ]);
    const closed = { ...conv, status: 'closed' as const, closedAt: at(9) };
    expect(newAnnouncements(strings, state({ conversation: closed, thread }), ears)).toEqual([
      'This conversation has ended',
    ]);
  });

  it('keeps quiet about the history a (re)connection brings', () => {
    const ears = { ...heard(), online: false };
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1, { body: 'Earlier' })]);
    expect(newAnnouncements(strings, state({ thread }), ears)).toEqual([]);
    const more = mergeMessages(thread, 'c1', [message(2, { body: 'Now' })]);
    expect(newAnnouncements(strings, state({ thread: more }), ears)).toEqual(['Ada: Now']);
  });
});

describe('system lines', () => {
  it('says who joined at assignedAt, a transfer when the agent changes, and the end at closedAt', () => {
    const { result, rerender } = renderHook(({ conv }) => useSystemLines(strings, conv), {
      initialProps: { conv: activeConversation() },
    });
    expect(result.current).toEqual([{ key: 'agent-0', text: 'Ada joined the chat', at: '2025-01-01T00:01:00.000Z' }]);
    rerender({ conv: activeConversation({ agent: { id: 'a2', name: 'Bo' } }) });
    expect(result.current.map((line) => line.text)).toEqual(['Ada joined the chat', 'You were transferred to Bo']);
    rerender({ conv: activeConversation({ agent: { id: 'a2', name: 'Bo' }, status: 'closed', closedAt: at(30) }) });
    expect(result.current.at(-1)).toEqual({ key: 'closed', text: 'Chat ended', at: at(30) });
  });
});

describe('the conversation on screen', () => {
  const renderPanel = (chat: Parameters<typeof state>[0], team = [{ name: 'Ada', avatarUrl: null }]) =>
    render(
      inEnglish(
        <ChatPanel siteName="Acme" greeting="Hi!" team={team} lang="en" state={state(chat)} {...panelActions()} />,
      ),
    );

  it('shows the greeting’s sender, the agent’s avatar and name, typing dots and bubbles written dir=auto', () => {
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [message(1, { body: 'Hello from Ada' })]);
    const { container } = renderPanel({ conversation: activeConversation(), thread, agentTyping: true });
    expect(container.querySelector('.greeting .author')?.textContent).toBe('Acme');
    expect(container.querySelector('.from-agent[data-seq="1"] .author')?.textContent).toBe('Ada');
    expect(container.querySelector('.from-agent[data-seq="1"] .avatar')?.textContent).toBe('A');
    expect(container.querySelector('.from-agent[data-seq="1"] .body')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('textbox', { name: 'Message' }).getAttribute('dir')).toBe('auto');
    expect(container.querySelectorAll('.typing i')).toHaveLength(3);
    expect(screen.getByText('Ada is typing…')).toBeTruthy();
  });

  it('lists nobody in the header while nobody is online (the banner says so)', () => {
    const { container } = renderPanel({ agentsOnline: false });
    expect(container.querySelector('.faces')).toBeNull();
    expect(container.querySelector('.status')).toBeNull();
    expect(screen.getByText('No agent is online right now.')).toBeTruthy();
  });

  it('shows the team with an online dot while someone is there', () => {
    const { container } = renderPanel({ conversation: null });
    expect(container.querySelector('.status')?.textContent).toBe('Ada');
    expect(container.querySelector('.dot')?.className).toBe('dot on');
  });

  it('ends with one card in the thread, not a pane under it', () => {
    const ended = conversation({ status: 'closed', assignedAt: at(1), closedAt: at(2) });
    renderPanel({ conversation: ended });
    const card = screen.getByRole('group', { name: 'Chat ended' });
    expect(card.closest('[role="log"]')).not.toBeNull();
    expect(document.activeElement).toBe(card);
  });
});

describe('the theme', () => {
  it('is light without a setting, dark when set, and follows the system for auto', () => {
    expect(renderHook(() => useColorScheme(undefined)).result.current).toBe('light');
    expect(renderHook(() => useColorScheme('dark')).result.current).toBe('dark');
    // jsdom has no matchMedia: auto falls back to light
    expect(renderHook(() => useColorScheme('auto')).result.current).toBe('light');
  });

  it('sets the accent’s palette, and takes non-hex colours as they are', () => {
    expect(accentStyle('#ffcc00', 'light')).toMatchObject({ '--p-accent': '#ffcc00', '--p-on-accent': '#000000' });
    expect(accentStyle('rgb(0, 0, 0)', 'dark')).toMatchObject({
      '--p-accent': 'rgb(0, 0, 0)',
      '--p-on-accent': '#fff',
    });
  });

  it('rings the launcher on a page of its own colour', () => {
    expect(opaqueHex('rgb(37, 99, 235)')).toBe('#2563eb');
    expect(opaqueHex('rgba(0, 0, 0, 0)')).toBeNull();
    expect(launcherNeedsRing('#2563eb')).toBe(false);
    document.body.style.backgroundColor = 'rgb(37, 99, 235)';
    expect(launcherNeedsRing('#2563eb')).toBe(true);
    document.body.style.backgroundColor = '';
  });
});
