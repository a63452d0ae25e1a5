/**
 * @module "Talk to a person" while the site's answer bot holds the conversation (issue 22): a chunk of
 * its own (lazy-talk-to-person), fetched only when a conversation is the bot's. Pressed, it asks the
 * server to hand the conversation to people (bot:handoff); the answer (queued, taken by an agent, or
 * a ticket) moves the panel on.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Conversation } from '@parley/shared';
import type { ChatClient } from '../client/chat-client.ts';
import { applyConversation } from '../client/chat-state.ts';
import { ask } from '../client/socket-request.ts';
import { useStrings } from './strings-context.ts';

export function TalkToPerson({ client }: { client: ChatClient }): JSX.Element {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  const { chat } = client;
  const handOff = async (): Promise<void> => {
    const conversationId = chat.state().conversation?.id;
    if (!conversationId) return;
    setBusy(true);
    const handed = await ask<Conversation>(chat.online(), chat.ackTimeoutMs, (socket, ack) =>
      socket.emit('bot:handoff', { conversationId }, ack),
    );
    if (handed) chat.update(applyConversation(chat.state(), handed));
    setBusy(false);
  };
  return (
    <button type="button" class="link" disabled={busy} onClick={() => void handOff()}>
      {t.talkToPerson}
    </button>
  );
}
