/**
 * @module The open chat window: header with the site name and where the conversation stands,
 * connection and error notices, the message log, the typing indicator and the message box.
 * Pure presentation: everything comes in through props, every action goes out through callbacks.
 */
import type { JSX } from 'preact';
import { pendingEntries, type ChatState } from '../client/chat-state.ts';
import { pendingDelivery } from '../client/delivery.ts';
import { format } from '../i18n/locale.ts';
import { Composer } from './composer.tsx';
import { MessageLog } from './message-log.tsx';
import { agentName, statusLine } from './status-line.ts';
import { useStrings } from './strings-context.ts';

export interface ChatPanelProps {
  id?: string;
  /** Text to start the message box with: a half-written message survives closing the panel. */
  draft?: string;
  onDraftChange?(text: string): void;
  siteName: string;
  greeting: string;
  state: ChatState;
  /** Inline style for the panel (the visible viewport's height on phones). */
  style?: JSX.CSSProperties;
  onSend(body: string): void;
  onInput?(): void;
  onBlur?(): void;
  onEndChat?(): void;
  onRetry?(): void;
}

export function ChatPanel(props: ChatPanelProps): JSX.Element {
  const { id, siteName, greeting, state, onSend, onInput, onBlur, onEndChat } = props;
  const t = useStrings();
  const { conversation, connection } = state;
  const status = statusLine(t, conversation, state.queuePosition, state.waitSeconds);
  const canEnd = conversation !== null && conversation.status !== 'closed';

  return (
    <section id={id} class="panel" aria-label={siteName} style={props.style}>
      <header class="header">
        <h2 class="title">{siteName}</h2>
        {status !== null && <p class="status">{status}</p>}
        {canEnd && (
          <button type="button" class="end" onClick={() => onEndChat?.()} disabled={connection !== 'online'}>
            {t.endChat}
          </button>
        )}
      </header>
      {!state.agentsOnline && (conversation === null || conversation.status === 'queued') && (
        <p class="banner" role="status">
          {t.noAgents}
        </p>
      )}
      {connection === 'reconnecting' && (
        <p class="banner" role="status">
          {t.reconnecting}
        </p>
      )}
      {state.notice !== null && (
        <p class="notice" role="alert">
          {state.notice}
        </p>
      )}
      <MessageLog
        greeting={greeting}
        messages={state.thread.messages}
        pending={pendingEntries(state)}
        conversation={conversation}
        pendingState={pendingDelivery(state)}
        onRetry={props.onRetry}
      />
      {state.agentTyping && <p class="typing">{format(t.typing, { name: agentName(t, conversation) })}</p>}
      <Composer
        disabled={connection === 'failed'}
        draft={props.draft}
        onDraftChange={props.onDraftChange}
        onSend={onSend}
        onInput={onInput}
        onBlur={onBlur}
      />
    </section>
  );
}
