/**
 * @module The conversation as a log: the greeting with its sender, then messages and system lines
 * in time order with day separators, grouped by sender (the agent's avatar and the time under a
 * group's last bubble), the visitor's messages still on their way, the delivery state of the
 * visitor's latest message, and the agent's typing dots. Not a live region itself: a bubble turning
 * from "sending" into its stored copy would be read again; announcer.tsx says each message once.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BotStream, Conversation, Message, RichAnswer, WidgetConfigWire } from '@parley/shared';
import type { OutboxEntry } from '../client/outbox.ts';
import { storedDelivery, type Delivery } from '../client/delivery.ts';
import { lastSeqBy } from '../client/message-merge.ts';
import { format } from '../i18n/locale.ts';
import { Avatar } from './avatar.tsx';
import { MessageBody } from './message-body.tsx';
import { LazyRich } from './lazy-rich.tsx';
import { useStrings } from './strings-context.ts';
import { useExtras } from './lazy-extras.ts';
import { timeline, type SystemLine } from './timeline.ts';

export interface MessageLogProps {
  greeting: string;
  /** Who the greeting is from: the sender of the proactive message shown in its place, else the site. */
  greetingAuthor?: string;
  greetingAvatar?: string | null;
  messages: readonly Message[];
  pending: readonly OutboxEntry[];
  conversation?: Conversation | null;
  /** Delivery of messages still in the outbox: sending, or failed while the server is unreachable. */
  pendingState?: Delivery;
  /** Joined, transferred and ended lines (use-system-lines.ts). */
  lines?: readonly SystemLine[];
  team?: WidgetConfigWire['team'];
  /** The agent's name while they type; null: nobody is typing. */
  typing?: string | null;
  /** The bot's answer while it is written: a bubble of its own, until the stored message replaces it. */
  stream?: BotStream | null;
  lang?: string;
  onRetry?: () => void;
  /** A quick-reply choice or form answer (rich content), sent like a message. */
  onAnswer?: (body: string, answer: RichAnswer) => void;
  /** files-in-chat: draws a message's files (once the attachments chunk is in). */
  files?: ((message: Message) => JSX.Element) | undefined;
  /** The end-of-chat card, last in the thread. */
  children?: JSX.Element | false | null;
}

/** An outbox entry drawn like a message: seq 0 marks it as still on its way. */
const asMessage = (entry: OutboxEntry, conversationId: string): Message => ({
  id: entry.clientMessageId,
  conversationId,
  seq: 0,
  clientMessageId: entry.clientMessageId,
  author: { kind: 'visitor', id: null, name: null },
  body: entry.body,
  createdAt: entry.createdAt,
  attachments: entry.attachments ?? [],
});

export function MessageLog(props: MessageLogProps): JSX.Element {
  const { messages, pending, conversation = null, pendingState = 'sending', team = [], lang } = props;
  const t = useStrings();
  const log = useRef<HTMLDivElement>(null);
  const { stream } = props;
  const count = `${messages.length + pending.length}${props.typing}${stream?.text}${!props.children}`;
  // only the visitor's newest message carries a mark, like most chats
  const marked = pending.length === 0 ? lastSeqBy(messages, 'visitor') : 0;
  const time = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
  // the extras chunk: once a message needs it, or the visitor points at or tabs into the log to act
  const [near, come] = useState(false);
  const x = useExtras(near || messages.some((m) => m.changeSeq || m.replyTo));

  // whether the visitor reads the end of the log (not scrolled back to something older), and where the
  // log last scrolled itself: its own scroll event comes a frame later, maybe after the log grew, and
  // says nothing of where the visitor wants to be
  const atEnd = useRef(true);
  const placed = useRef(0);
  useLayoutEffect(() => {
    // keep the newest message in view as the conversation grows
    const element = log.current;
    if (!element) return;
    const end = () => {
      element.scrollTop = element.scrollHeight;
      placed.current = element.scrollTop;
    };
    end();
    // a card, quick replies or a picture drawn after their message (their chunk came later) grow it:
    // the end stays in view for a visitor who was reading it (jsdom has no ResizeObserver)
    const grown = self.ResizeObserver && new ResizeObserver(() => void (atEnd.current && end()));
    for (const child of element.children) grown?.observe(child);
    return () => grown?.disconnect();
  }, [count]);

  const mark = (delivery: Delivery): JSX.Element => (
    <span class={`mark ${delivery}`}>
      {t[delivery]}
      {delivery === 'failed' && props.onRetry && (
        <button type="button" class="retry" onClick={props.onRetry}>
          {t.retry}
        </button>
      )}
    </span>
  );
  const avatarOf = (name: string): string | null => team.find((member) => member.name === name)?.avatarUrl ?? null;

  const items = timeline(
    [...messages, ...pending.map((entry) => asMessage(entry, conversation?.id ?? ''))],
    props.lines ?? [],
  );
  return (
    <div
      class="log"
      role="log"
      aria-live="off"
      aria-label={t.conversation}
      ref={log}
      tabIndex={0}
      onScroll={(event) => {
        const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
        if (scrollTop !== placed.current) atEnd.current = scrollHeight - scrollTop - clientHeight < 40;
      }}
      onPointerEnter={() => come(true)}
      onFocusIn={() => come(true)}
    >
      {props.greeting && (
        <Bubble
          kind="agent greeting"
          first
          last
          author={props.greetingAuthor}
          avatar={<Avatar name={props.greetingAuthor ?? ''} url={props.greetingAvatar} />}
        >
          <p class="body" dir="auto">
            {props.greeting}
          </p>
        </Bubble>
      )}
      {items.map((item) => {
        if (item.kind === 'day') return <DaySeparator key={item.key} at={item.at} lang={lang} />;
        if (item.kind === 'line')
          return (
            <p key={item.key} class="line">
              {item.text}
            </p>
          );
        const { message, first, last } = item;
        const { kind, name } = message.author;
        if (kind === 'system')
          return (
            <p key={item.key} class="line" data-seq={message.seq} dir="auto">
              {message.body}
            </p>
          );
        // the answer bot speaks for the team like an agent; its name says it is the bot
        const agent = kind !== 'visitor';
        const author = name ?? t.agent;
        const stored = message.seq > 0;
        return (
          <Bubble
            key={item.key}
            kind={stored ? (agent ? 'agent' : kind) : 'visitor pending'}
            seq={stored ? message.seq : undefined}
            first={first}
            last={last}
            author={agent && first ? author : undefined}
            avatar={agent ? <Avatar name={author} url={avatarOf(author)} class={last ? '' : 'blank'} /> : null}
          >
            {x && <x.Above message={message} />}
            {agent && message.content && !message.deletedAt ? (
              <LazyRich message={message} messages={messages} onAnswer={props.onAnswer} />
            ) : (
              <MessageBody body={message.body} formatted={agent} />
            )}
            {!message.deletedAt && props.files?.(message)}
            {x && <x.Below message={message} />}
            {!stored
              ? last && mark(pendingState)
              : message.seq === marked
                ? mark(storedDelivery(message, conversation))
                : last && (
                    <time class="time" dateTime={message.createdAt}>
                      {time.format(new Date(message.createdAt))}
                    </time>
                  )}
          </Bubble>
        );
      })}
      {props.typing && (
        <Bubble kind="agent" first last avatar={<Avatar name={props.typing} url={avatarOf(props.typing)} />}>
          <p class="body typing">
            <i />
            <i />
            <i />
            <span class="sr">{format(t.typing, { name: props.typing })}</span>
          </p>
        </Bubble>
      )}
      {stream && (
        // plain text while it grows; not announced (the log is not a live region): the stored message is
        <Bubble
          kind="agent"
          first
          last
          author={stream.name}
          avatar={<Avatar name={stream.name} url={avatarOf(stream.name)} />}
        >
          <MessageBody body={stream.text} formatted={false} />
        </Bubble>
      )}
      {props.children}
      {x && <x.ReplyBar />}
    </div>
  );
}

function Bubble(props: {
  kind: string;
  seq?: number;
  first: boolean;
  last: boolean;
  author?: string;
  avatar: JSX.Element | null;
  children: (JSX.Element | false | null | undefined)[] | JSX.Element;
}): JSX.Element {
  return (
    <div
      class={`message from-${props.kind}${props.first ? ' first' : ''}${props.last ? ' last' : ''}`}
      data-seq={props.seq}
    >
      {props.avatar}
      <div class="stack">
        {props.author && <span class="author">{props.author}</span>}
        {props.children}
      </div>
    </div>
  );
}

/** "Today", "Yesterday", else the weekday and date, in the visitor's language. */
function DaySeparator({ at, lang }: { at: string; lang?: string }): JSX.Element {
  const date = new Date(at);
  const days = Math.round((startOfDay(new Date()) - startOfDay(date)) / 86_400_000);
  const text =
    days >= 0 && days < 2
      ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-days, 'day')
      : new Intl.DateTimeFormat(lang, { weekday: 'long', month: 'long', day: 'numeric' }).format(date);
  return (
    <p class="day">
      <time dateTime={at}>{text.charAt(0).toLocaleUpperCase(lang) + text.slice(1)}</time>
    </p>
  );
}

const startOfDay = (date: Date): number => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
