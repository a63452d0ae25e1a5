/**
 * @module The open chat window: the header, connection and error notices, and below them what the
 * visitor can do now: fill in the pre-chat form, leave a message while nobody is online, rate the
 * chat that ended, or read the conversation and write.
 * Pure presentation: everything comes in through props, every action goes out through callbacks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { RichAnswer, VisitorContact, WidgetConfig, WidgetConfigWire } from '@parley/shared';
import { pendingEntries, type ChatState } from '../client/chat-state.ts';
import { pendingDelivery } from '../client/delivery.ts';
import { format } from '../i18n/locale.ts';
import { Composer } from './composer.tsx';
import { MessageLog } from './message-log.tsx';
import { PanelHeader } from './panel-header.tsx';
import { focusIfIdle } from './focus.ts';
import { useForms } from './lazy-forms.ts';
import { loadFiles, useFiles } from './lazy-files.ts';
import type { ChatClient } from '../client/chat-client.ts';
import { agentName } from './status-line.ts';
import type { SystemLine } from './timeline.ts';
import { useStrings } from './strings-context.ts';
import { lazyChunk } from './lazy-chunk.ts';
import { useHelp } from './lazy-help.ts';
import type { HelpRequest } from '../help/help-ui.tsx';

// answer bot (issue 22): "Talk to a person" comes with the first conversation the bot holds
const { use: useBot } = lazyChunk(() => import('./talk-to-person.tsx'));

export interface ChatPanelProps {
  id?: string;
  /** Text to start the message box with: a half-written message survives closing the panel. */
  draft?: string;
  onDraftChange?: (text: string) => void;
  siteName: string;
  greeting: string;
  state: ChatState;
  team?: WidgetConfigWire['team'];
  /** The pre-chat questions still to ask (none: no form). */
  preChat?: WidgetConfig['preChat']['fields'];
  lang?: string;
  /** Inline style for the panel (the visible viewport's height on phones). */
  style?: JSX.CSSProperties;
  /** Joined, transferred and ended lines for the thread (use-system-lines.ts). */
  lines?: readonly SystemLine[];
  /** Outside the site's business hours: no live chat starts, the offline form is all there is. */
  offHours?: boolean;
  /** `answer`: the body answers an agent's quick replies or form (rich content). */
  onSend: (body: string, answer?: RichAnswer) => void;
  onStartChat: (contact: VisitorContact, question: string) => void;
  onInput?: () => void;
  onBlur?: () => void;
  onEndChat?: () => void;
  onRetry?: () => void;
  onRate: (rating: number, comment: string) => Promise<boolean>;
  onTranscript: (email: string) => Promise<boolean>;
  onLeaveMessage: (message: { email: string; body: string }) => Promise<boolean>;
  /** "Answer me by email instead" while queued. */
  onEmailInstead: (email: string) => Promise<boolean>;
  /** files-in-chat: the client files are uploaded and sent through, and whether the site takes them. */
  client?: ChatClient;
  uploads?: WidgetConfigWire['uploads'];
  /** help-widget: the site's help mode (none: no help center), and the host page's latest openArticle/searchHelp. */
  help?: WidgetConfigWire['help'];
  helpRequest?: HelpRequest;
}

/** help-widget: the host page's latest openArticle/searchHelp request already shown. */
let answered: HelpRequest | undefined;

export function ChatPanel(props: ChatPanelProps): JSX.Element {
  const { state, preChat = [], offHours } = props;
  const t = useStrings();
  const { conversation, connection } = state;
  // the ended conversation the visitor chose to leave behind for a new chat
  const [leftBehind, setLeftBehind] = useState<string | null>(null);
  // the visitor asked for the leave-a-message form, or (queued) to be answered by email instead
  const [leaving, setLeaving] = useState(false);
  const status = conversation?.status;
  const panel = useRef<HTMLElement>(null);
  // "Start a new chat" removes the button pressed: the focus goes on to the new message box. Keyed on
  // leftBehind, the effect runs only after the render that drew the box: an effect still pending from
  // an earlier render (Preact flushes those before the next render) would find the old card instead.
  useEffect(() => {
    if (leftBehind) panel.current?.querySelector<HTMLElement>('.composer textarea')?.focus();
  }, [leftBehind]);
  const fresh = conversation === null && state.thread.conversationId === null && state.outbox.length === 0;
  // help-widget: the help view instead of the chat (first in help-first mode while no chat is under way, always without chat)
  const { help: mode, client } = props;
  const helpFirst = mode === 'articles-only' || (mode === 'help-first' && fresh);
  const [helping, setHelping] = useState<HelpRequest | null>(helpFirst ? {} : null);
  useEffect(() => {
    const asked = props.helpRequest;
    // each request once: a panel opened again later starts where the visitor left it, not at the request
    if (asked && asked !== answered) setHelping((answered = asked));
  }, [props.helpRequest]);
  const [typed, setTyped] = useState(props.draft ?? '');
  const help = useHelp(Boolean(mode));
  // nobody online and no chat under way: a message can still wait in the queue for the first agent
  // to come online, but leaving one to be answered by email is offered too
  const away =
    (!state.agentsOnline || offHours) &&
    (fresh || (status === 'closed' && state.outbox.length === 0)) &&
    connection !== 'failed';

  const offline = away && (leaving || offHours);
  const asking = fresh && state.contact === null && preChat.length > 0;
  const ended = conversation && status === 'closed' && leftBehind !== conversation.id ? conversation : null;
  const emailInstead = conversation && status === 'queued' && (leaving || state.overdue === conversation.id);
  // the forms are a chunk of their own, fetched the first time one is due
  const forms = useForms(Boolean(offline || asking || ended || emailInstead));
  const bot = useBot(status === 'bot');
  useEffect(() => {
    // a form that arrived after the panel opened: its first field gets the focus the panel's open gave nothing
    if (forms) focusIfIdle(panel.current?.querySelector<HTMLElement>('.form input, .form textarea'));
  }, [forms]);

  // files-in-chat: the attachments chunk comes with the first file attached or shown
  const { uploads } = props;
  const messages = state.thread.messages;
  const [attaching, setAttaching] = useState(false);
  const files = useFiles(attaching || messages.some((m) => m.attachments?.[0]));
  const onFiles =
    client && status !== 'offline' && (uploads === 'on' || (uploads && messages.some((m) => m.author.kind === 'agent')))
      ? (list: File[]) => {
          setAttaching(true);
          void loadFiles().then((m) => m.add(client, list));
        }
      : undefined;
  /** A paste or a drop with files attaches them (and is not pasted as text). */
  const take = (event: Event, data: DataTransfer | null): void => {
    const list = [...(data?.files ?? [])];
    if (!onFiles || !list[0]) return;
    event.preventDefault();
    onFiles(list);
  };
  const composer = {
    disabled: connection === 'failed',
    // what was typed survives a visit to the help view
    draft: typed,
    onDraftChange: (text: string) => {
      props.onDraftChange?.(text);
      setTyped(text);
    },
    onSend: props.onSend,
    onInput: props.onInput,
    onBlur: props.onBlur,
    onFiles,
  };

  let body: JSX.Element | null;
  if (helping) {
    body =
      help && client ? (
        <help.HelpView
          client={client}
          request={helping}
          onChat={mode === 'articles-only' ? undefined : () => setHelping(null)}
        />
      ) : null;
  } else if (offline) {
    body = forms && <forms.OfflineForm draft={state.refused ?? props.draft} onLeave={props.onLeaveMessage} />;
  } else if (asking) {
    body = forms && <forms.PreChatForm fields={preChat} onStart={props.onStartChat} />;
  } else {
    const log = (
      <MessageLog
        greeting={state.proactive?.message ?? props.greeting}
        // the greeting is the site's unless a proactive message (with its sender) stands in for it
        greetingAuthor={state.proactive?.senderName ?? props.siteName}
        greetingAvatar={state.proactive?.senderAvatarUrl}
        messages={state.thread.messages}
        pending={pendingEntries(state)}
        conversation={conversation}
        pendingState={pendingDelivery(state)}
        lines={props.lines}
        team={props.team}
        lang={props.lang}
        typing={state.agentTyping && !ended ? agentName(t, conversation) : null}
        // what the bot is writing, only while it still holds this conversation
        stream={status === 'bot' && state.stream?.conversationId === conversation?.id ? state.stream : null}
        onRetry={props.onRetry}
        onAnswer={props.onSend}
        files={files && client ? (m) => <files.Attachments message={m} client={client} /> : undefined}
      >
        {ended && forms && (
          <forms.EndOfChat
            conversation={ended}
            onRate={props.onRate}
            onTranscript={props.onTranscript}
            onNewChat={() => setLeftBehind(ended.id)}
          />
        )}
      </MessageLog>
    );
    body = ended ? (
      log
    ) : conversation && emailInstead ? (
      <>
        {log}
        {forms && (
          <forms.OfflineForm
            queued={{ email: conversation.visitorEmail }}
            onLeave={({ email }) => props.onEmailInstead(email)}
          />
        )}
      </>
    ) : (
      <>
        {log}
        {/* a ticket: answered by email, and what the visitor writes here joins it */}
        {conversation && status === 'offline' && (
          <p class="done" role="status">
            {format(t.offlineSent, { email: conversation.visitorEmail ?? '' })}
          </p>
        )}
        {status === 'queued' && (
          <button type="button" class="link" onClick={() => setLeaving(true)}>
            {t.emailInstead}
          </button>
        )}
        {status === 'bot' && bot && client && <bot.TalkToPerson client={client} />}
        {fresh && help && client && <help.Suggestions client={client} text={typed} onOpen={setHelping} />}
        {files && client ? <files.FileComposer client={client} {...composer} /> : <Composer {...composer} />}
      </>
    );
  }

  return (
    <section
      id={props.id}
      class="panel"
      aria-label={props.siteName}
      style={props.style}
      ref={panel}
      onDragOver={onFiles && ((event) => event.preventDefault())}
      onDrop={(event) => take(event, event.dataTransfer)}
      onPaste={(event) => take(event, event.clipboardData)}
    >
      <PanelHeader
        siteName={props.siteName}
        team={props.team ?? []}
        lang={props.lang ?? 'en'}
        state={state}
        onEndChat={props.onEndChat}
      />
      {(away || (!state.agentsOnline && status === 'queued')) && (
        <p class="banner" role="status">
          {t.noAgents}
          {away && !leaving && !offHours && (
            <button type="button" class="link" onClick={() => setLeaving(true)}>
              {t.leaveMessage}
            </button>
          )}
        </p>
      )}
      {connection === 'reconnecting' && (
        <p class="banner" role="status">
          {t.reconnecting}
        </p>
      )}
      {state.notice !== null && (
        <p class="notice" role="alert">
          {t[state.notice]}
        </p>
      )}
      {body}
    </section>
  );
}
