/**
 * @module What screen readers hear, said once: each new message (the visitor's when they send it,
 * not again when its stored copy replaces it; an agent's even while the panel is closed), and every
 * change of where the conversation stands (the queue position, who is chatting, that it ended).
 * Delivery states ("Sent", "Seen") are on screen only. One polite live region that the root keeps
 * mounted, so what is put in it is announced whether the panel is open or not.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ChatState } from '../client/chat-state.ts';
import type { Strings } from '../i18n/locale.ts';
import { statusLine } from './status-line.ts';

interface Heard {
  keys: Set<string>;
  status: string | null;
  /** Whether the last state was connected: messages arriving with the (re)connection are history. */
  online: boolean;
}

/** The texts to announce for `state`, given what was heard before; `heard` is updated. */
export function newAnnouncements(t: Strings, state: ChatState, heard: Heard): string[] {
  const said: string[] = [];
  // the resume that comes with connecting brings what is already on screen or happened before: not news
  const quiet = !heard.online;
  heard.online = state.connection === 'online';
  const hear = (key: string, text: string, news = !quiet): void => {
    if (heard.keys.has(key)) return;
    heard.keys.add(key);
    if (news) said.push(text);
  };
  for (const message of state.thread.messages) {
    const { kind, name } = message.author;
    hear(
      message.clientMessageId ?? message.id,
      kind === 'agent' ? `${name ?? t.agent}: ${message.body}` : message.body,
    );
  }
  // what the visitor sends is news even offline: it waits in the outbox
  for (const entry of state.outbox) hear(entry.clientMessageId, entry.body, true);
  const status = statusLine(t, state.conversation, state.queuePosition, state.waitSeconds);
  if (status !== heard.status && status !== null) said.push(status);
  heard.status = status;
  return said;
}

export function Announcer({ t, state }: { t: Strings; state: ChatState }): JSX.Element {
  const heard = useRef<Heard | null>(null);
  // a new round replaces the nodes even when a text repeats ("Chat ended" twice), so it is read again
  const [said, setSaid] = useState<{ round: number; texts: string[] }>({ round: 0, texts: [] });
  useEffect(() => {
    if (!heard.current) {
      // what was there when the widget loaded (history, a chat under way) is on screen, not news
      heard.current = { keys: new Set(), status: null, online: false };
      newAnnouncements(t, state, heard.current);
      return;
    }
    const fresh = newAnnouncements(t, state, heard.current);
    if (fresh.length > 0) setSaid(({ round }) => ({ round: round + 1, texts: fresh }));
  }, [state, t]);
  return (
    <div class="sr" aria-live="polite">
      {said.texts.map((text, index) => (
        <p key={`${said.round}-${index}`}>{text}</p>
      ))}
    </div>
  );
}
