/**
 * The panel's forms: the pre-chat form, leave-a-message while nobody is online, and the end of a
 * chat (rating, transcript, new chat); validation in the visitor's language; the team header.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChatPanel, type ChatPanelProps } from '../src/app/chat-panel.tsx';
import { StringsContext } from '../src/app/strings-context.ts';
import type { ChatState } from '../src/client/chat-state.ts';
import { strings as de } from '../src/i18n/locales/de.ts';
import { mergeMessages, EMPTY_THREAD } from '../src/client/message-merge.ts';
import { activeConversation, conversation, state, visitorMessage } from './fixtures.ts';
import { inEnglish } from './in-english.tsx';
import { panelActions } from './panel-actions.ts';

function renderPanel(chat: Partial<ChatState> = {}, props: Partial<ChatPanelProps> = {}) {
  const actions = panelActions();
  const view = render(
    inEnglish(<ChatPanel siteName="Acme" greeting="Hi!" state={state(chat)} {...actions} {...props} />),
  );
  return { ...view, ...actions };
}

const type = (label: string | RegExp, value: string): void => {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
};

const PRE_CHAT: ChatPanelProps['preChat'] = [
  { field: 'name', required: false },
  { field: 'email', required: true },
  { field: 'message', required: true },
];

describe('the pre-chat form', () => {
  it('asks the configured questions, marks the required ones, and starts the chat with the answers', async () => {
    const { onStartChat } = renderPanel({}, { preChat: PRE_CHAT });
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Name').required).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>(/Email/).required).toBe(true);
    type('Name', '  Ada ');
    type(/Email/, 'ada@example.com');
    type(/How can we help/, 'Where is my order?');
    fireEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    await waitFor(() =>
      expect(onStartChat).toHaveBeenCalledWith({ name: 'Ada', email: 'ada@example.com' }, 'Where is my order?'),
    );
  });

  it('says what is wrong next to each field and focuses the first one to fix', async () => {
    const { onStartChat } = renderPanel({}, { preChat: PRE_CHAT });
    type(/Email/, 'not an email');
    fireEvent.click(screen.getByRole('button', { name: 'Start chat' }));
    const email = screen.getByLabelText(/Email/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Please enter a valid email address.',
    );
    expect(screen.getByLabelText(/How can we help/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Please fill this in.')).toBeTruthy();
    expect(document.activeElement).toBe(email);
    expect(onStartChat).not.toHaveBeenCalled();
  });

  it('speaks the visitor’s language in its validation messages', async () => {
    render(
      <StringsContext.Provider value={de}>
        <ChatPanel siteName="Acme" greeting="" state={state()} preChat={PRE_CHAT} {...panelActions()} />
      </StringsContext.Provider>,
    );
    fireEvent.input(screen.getByLabelText(/E-Mail/), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chat starten' }));
    await screen.findByText('Bitte eine gültige E-Mail-Adresse eingeben.');
    expect(screen.getByText('Bitte ausfüllen.')).toBeTruthy();
  });

  it('is not shown once a chat exists or the answers are on their way', () => {
    renderPanel(
      { conversation: activeConversation(), thread: mergeMessages(EMPTY_THREAD, 'c1', [visitorMessage(1)]) },
      { preChat: PRE_CHAT },
    );
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start chat' })).toBeNull();
  });
});

describe('leaving a message while nobody is online', () => {
  it('says nobody is online, offers the form, and sends email and message', async () => {
    const { onLeaveMessage } = renderPanel({ agentsOnline: false }, { draft: 'Half a thought' });
    expect(screen.getByText('No agent is online right now.')).toBeTruthy();
    // waiting in the queue stays possible
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    const email = screen.getByLabelText(/Email/);
    expect(document.activeElement).toBe(email);
    // what the visitor had started writing is not lost
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Message/).value).toBe('Half a thought');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    await screen.findByText('Please fill this in.');
    type(/Email/, 'ada@example.com');
    type(/Message/, 'Call me back please');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    await waitFor(() =>
      expect(onLeaveMessage).toHaveBeenCalledWith({ email: 'ada@example.com', body: 'Call me back please' }),
    );
  });

  it('asks to try again when the message did not go through', async () => {
    const { onLeaveMessage } = renderPanel({ agentsOnline: false }, { onLeaveMessage: () => Promise.resolve(false) });
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    type(/Email/, 'ada@example.com');
    type(/Message/, 'Hello?');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That did not work. Please try again.');
    expect(onLeaveMessage).not.toHaveBeenCalled();
  });

  it('confirms a message left, with the address the reply goes to', () => {
    const left = conversation({ status: 'offline', visitorEmail: 'ada@example.com' });
    renderPanel({
      agentsOnline: false,
      conversation: left,
      thread: mergeMessages(EMPTY_THREAD, 'c1', [visitorMessage(1, { body: 'Call me' })]),
    });
    expect(screen.getByRole('status').textContent).toBe('Thanks! We will reply to ada@example.com.');
    expect(screen.getByRole('log').textContent).toContain('Call me');
    expect(screen.queryByRole('button', { name: 'Leave a message' })).toBeNull();
  });
});

describe('outside business hours, and being answered by email instead of waiting', () => {
  it('offers only the offline form outside business hours: no live chat to start', async () => {
    const { onLeaveMessage, onSend } = renderPanel({}, { offHours: true });
    expect(screen.getByText('No agent is online right now.')).toBeTruthy();
    // no message box to start a chat with: the form's own message field is the only one
    expect(screen.queryByPlaceholderText('Type your message…')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/Email/));
    type(/Email/, 'ada@example.com');
    type(/Message/, 'Call me tomorrow');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    await waitFor(() =>
      expect(onLeaveMessage).toHaveBeenCalledWith({ email: 'ada@example.com', body: 'Call me tomorrow' }),
    );
    expect(onSend).not.toHaveBeenCalled();
  });

  it('starts the offline form with what the server refused when the site closed meanwhile', async () => {
    const { onLeaveMessage } = renderPanel({ offHours: true, refused: 'Is my order shipped?' }, { offHours: true });
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Message/).value).toBe('Is my order shipped?');
    type(/Email/, 'ada@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message' }));
    await waitFor(() =>
      expect(onLeaveMessage).toHaveBeenCalledWith({ email: 'ada@example.com', body: 'Is my order shipped?' }),
    );
  });

  it('offers a queued visitor to be answered by email, with the address already known', async () => {
    const queued = conversation({ visitorEmail: 'ada@example.com' });
    const { onEmailInstead } = renderPanel({ conversation: queued, queuePosition: 2 });
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reply by email instead' }));
    expect(screen.getByLabelText<HTMLInputElement>(/Email/).value).toBe('ada@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Reply by email instead' }));
    await waitFor(() => expect(onEmailInstead).toHaveBeenCalledWith('ada@example.com'));
  });

  it('asks for an email unasked once the wait passed the maximum', async () => {
    const queued = conversation();
    const { onEmailInstead } = renderPanel({ conversation: queued, overdue: queued.id });
    expect(screen.getByText('We will reply by email.')).toBeTruthy();
    expect(screen.queryByPlaceholderText('Type your message…')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reply by email instead' }));
    await screen.findByText('Please fill this in.');
    type(/Email/, 'lin@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Reply by email instead' }));
    await waitFor(() => expect(onEmailInstead).toHaveBeenCalledWith('lin@example.com'));
  });

  it('shows a ticket’s thread with where replies go, and lets the visitor continue it', () => {
    const ticket = conversation({ status: 'offline', visitorEmail: 'ada@example.com' });
    const thread = mergeMessages(EMPTY_THREAD, 'c1', [visitorMessage(1, { body: 'My parcel?' })]);
    const { onSend } = renderPanel({ conversation: ticket, thread });
    expect(screen.getByRole('status').textContent).toBe('Thanks! We will reply to ada@example.com.');
    type('Message', 'Order #77');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('Order #77');
  });
});

describe('the end of a chat', () => {
  const ended = activeConversation({ status: 'closed', closedBy: 'agent', visitorEmail: 'ada@example.com' });

  it('rates the chat from 1 to 5 with a comment, and thanks once the rating is stored', async () => {
    const { onRate, rerender } = renderPanel({ conversation: ended });
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    // one primary button, once there is a rating to send
    expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    type(/Anything to add/, 'Quick and kind');
    fireEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    await waitFor(() => expect(onRate).toHaveBeenCalledWith(4, 'Quick and kind'));
    rerender(
      inEnglish(
        <ChatPanel
          siteName="Acme"
          greeting=""
          state={state({ conversation: { ...ended, rating: 4 } })}
          {...panelActions()}
        />,
      ),
    );
    expect(screen.getByText('Thanks for your feedback!')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('offers no rating for a chat no agent took', () => {
    renderPanel({ conversation: conversation({ status: 'closed', closedBy: 'visitor' }) });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('button', { name: 'Email me the transcript' })).toBeTruthy();
  });

  it('sends the transcript to the address given, filled in with the one known', async () => {
    const { onTranscript } = renderPanel({ conversation: ended });
    const email = screen.getByLabelText<HTMLInputElement>(/Email/);
    expect(email.value).toBe('ada@example.com');
    type(/Email/, 'ada@work.example');
    fireEvent.click(screen.getByRole('button', { name: 'Email me the transcript' }));
    expect((await screen.findByRole('status')).textContent).toBe('We will email the transcript to ada@work.example.');
    expect(onTranscript).toHaveBeenCalledWith('ada@work.example');
  });

  it('starts a new chat on request', () => {
    renderPanel({ conversation: ended });
    fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
  });
});

describe('the header', () => {
  const team = [
    { name: 'Ada', avatarUrl: 'https://cdn.example/ada.png' },
    { name: 'Bo', avatarUrl: null },
  ];

  it('shows the team: avatars or initials, and their names', () => {
    const { container } = renderPanel({}, { team, lang: 'en' });
    expect(screen.getByText('Ada and Bo')).toBeTruthy();
    const faces = container.querySelector('.faces');
    expect(faces?.getAttribute('aria-hidden')).toBe('true');
    expect(faces?.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/ada.png');
    expect(faces?.textContent).toBe('B');
  });

  it('shows only the assigned agent once there is one', () => {
    const { container } = renderPanel(
      { conversation: activeConversation({ agent: { id: 'a2', name: 'Bo' } }) },
      { team, lang: 'en' },
    );
    expect(screen.getByText('Chatting with Bo')).toBeTruthy();
    expect(container.querySelectorAll('.faces > *')).toHaveLength(1);
    expect(container.querySelector('.faces')?.textContent).toBe('B');
  });

  it('never loads an avatar from a non-http address', () => {
    const { container } = renderPanel({}, { team: [{ name: 'Eve', avatarUrl: 'javascript:alert(1)' }], lang: 'en' });
    expect(container.querySelector('.faces img')).toBeNull();
  });
});
