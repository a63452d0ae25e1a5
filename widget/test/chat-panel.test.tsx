import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { ChatPanel, type ChatPanelProps } from '../src/app/chat-panel.tsx';
import { EMPTY_THREAD, mergeMessages } from '../src/client/message-merge.ts';
import type { ChatState } from '../src/client/chat-state.ts';
import { activeConversation, conversation, message, state, visitorMessage } from './fixtures.ts';
import { inEnglish } from './in-english.tsx';
import { panelActions } from './panel-actions.ts';

function renderPanel(chat: Partial<ChatState> = {}, props: Partial<ChatPanelProps> = {}) {
  const actions = panelActions();
  const view = render(
    inEnglish(
      <ChatPanel siteName="Acme" greeting="Hi! How can we help?" state={state(chat)} {...actions} {...props} />,
    ),
  );
  return { ...view, ...actions, log: screen.getByRole('log'), box: screen.getByRole('textbox', { name: 'Message' }) };
}

const thread = (...messages: Parameters<typeof mergeMessages>[2]) => mergeMessages(EMPTY_THREAD, 'c1', messages);

describe('ChatPanel', () => {
  it('shows the greeting first, then messages as text with the agent named', () => {
    const { log } = renderPanel({
      conversation: activeConversation(),
      thread: thread(visitorMessage(1, { body: 'Hello' }), message(2, { body: 'Hi there' })),
    });
    // not live itself: the announcer says each message once
    expect(log.getAttribute('aria-live')).toBe('off');
    const items = [...log.querySelectorAll('.body')].map((node) => node.textContent);
    expect(items).toEqual(['Hi! How can we help?', 'Hello', 'Hi there']);
    expect(log.querySelector('.from-agent[data-seq="2"] .author')?.textContent).toBe('Ada');
    expect(log.querySelector('.from-visitor[data-seq="1"] .author')).toBeNull();
  });

  it('shows markup in a message literally instead of rendering it', () => {
    const html = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { log } = renderPanel({ conversation: activeConversation(), thread: thread(message(1, { body: html })) });
    expect(log.textContent).toContain(html);
    expect(log.querySelector('img, b')).toBeNull();
  });

  it('marks messages not yet acknowledged as sending, after the stored ones', () => {
    const { log } = renderPanel({
      conversation: activeConversation(),
      thread: thread(message(1)),
      outbox: [{ clientMessageId: 'cm-1', body: 'on its way', createdAt: '2025-01-01T00:00:00.000Z' }],
    });
    const pending = log.querySelector('.pending');
    expect(pending?.textContent).toContain('on its way');
    expect(pending?.textContent).toContain('Sending…');
    expect(log.lastElementChild).toBe(pending);
    expect(log.querySelectorAll('.mark')).toHaveLength(1);
  });

  it('tells a queued visitor the estimated wait, and says when no agent is online', () => {
    renderPanel({ conversation: conversation(), queuePosition: 2, waitSeconds: 230, agentsOnline: false });
    expect(screen.getByText('Waiting for an agent — you are number 2 in the queue (about 4 min)')).toBeTruthy();
    expect(screen.getByText('No agent is online right now.')).toBeTruthy();
  });

  it('tells a queued visitor their position', () => {
    renderPanel({ conversation: conversation(), queuePosition: 3 });
    expect(screen.getByText('Waiting for an agent — you are number 3 in the queue')).toBeTruthy();
  });

  it('names the agent, and shows when they are typing', () => {
    renderPanel({ conversation: activeConversation(), agentTyping: true });
    expect(screen.getByText('Chatting with Ada')).toBeTruthy();
    expect(screen.getByText('Ada is typing…')).toBeTruthy();
  });

  it('says when the conversation has ended and offers no End chat', () => {
    render(
      inEnglish(
        <ChatPanel
          siteName="Acme"
          greeting=""
          state={state({ conversation: activeConversation({ status: 'closed' }) })}
          {...panelActions()}
        />,
      ),
    );
    expect(screen.getByText('This conversation has ended')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'End chat' })).toBeNull();
  });

  it('shows a reconnecting banner while the connection is lost', () => {
    const { rerender } = renderPanel({ connection: 'reconnecting' });
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    rerender(
      inEnglish(<ChatPanel siteName="Acme" greeting="" state={state({ connection: 'online' })} {...panelActions()} />),
    );
    expect(screen.queryByText('Reconnecting…')).toBeNull();
  });

  it('ends the chat from the End chat button', () => {
    const onEndChat = vi.fn();
    renderPanel({ conversation: activeConversation() }, { onEndChat });
    fireEvent.click(screen.getByRole('button', { name: 'End chat' }));
    expect(onEndChat).toHaveBeenCalledOnce();
  });
});

describe('the message box', () => {
  it('sends with the Send button and clears the box', () => {
    const { box, onSend } = renderPanel();
    fireEvent.input(box, { target: { value: 'Hello there' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('Hello there');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('sends with Enter', () => {
    const { box, onSend } = renderPanel();
    fireEvent.input(box, { target: { value: 'Quick question' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Quick question');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps Shift+Enter for a new line', () => {
    const { box, onSend } = renderPanel();
    fireEvent.input(box, { target: { value: 'line one' } });
    const notCancelled = fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(notCancelled).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
    expect((box as HTMLTextAreaElement).value).toBe('line one');
  });

  it('does not send an empty or blank message', () => {
    const { box, onSend } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.input(box, { target: { value: '   \n  ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('reports typing and blur', () => {
    const onInput = vi.fn();
    const onBlur = vi.fn();
    const { box } = renderPanel({}, { onInput, onBlur });
    fireEvent.input(box, { target: { value: 'h' } });
    fireEvent.blur(box);
    expect(onInput).toHaveBeenCalledOnce();
    expect(onBlur).toHaveBeenCalledOnce();
  });
});
