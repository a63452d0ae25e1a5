/**
 * @module What the server pushes to the visitor unasked (new messages, conversation and queue
 * changes, typing, seen receipts, availability, an agent's invite), each applied to the chat state.
 */
import type { Message } from '@parley/shared';
import type { ChatContext } from './chat-context.ts';
import {
  applyConversation,
  applyMessage,
  applyQueuePosition,
  applyTyping,
  type ProactiveMessage,
} from './chat-state.ts';
import { applySeen } from './delivery.ts';
import type { VisitorSocket } from './visitor-socket.ts';

/** Attaches the push listeners to a new socket; `invited` shows an agent's invite. */
export function listenForPushes(
  socket: VisitorSocket,
  chat: ChatContext,
  invited: (message: ProactiveMessage) => void,
): void {
  const merge = (message: Message) => chat.update(applyMessage(chat.state(), message));
  socket.on('message:new', merge);
  // an edit or delete: the same merge keeps the copy with the higher changeSeq
  socket.on('message:updated', merge);
  socket.on('conversation:updated', (conversation) => chat.update(applyConversation(chat.state(), conversation)));
  socket.on('queue:position', (update) => chat.update(applyQueuePosition(chat.state(), update)));
  socket.on('typing:update', (update) => chat.update(applyTyping(chat.state(), update)));
  socket.on('message:seen', (update) => chat.update(applySeen(chat.state(), update)));
  socket.on('availability:updated', ({ agentsOnline }) => chat.update({ ...chat.state(), agentsOnline }));
  // an agent's invite outranks a page rule's message: it replaces one on show
  socket.on('proactive:invite', ({ inviteId, ...message }) =>
    invited({ origin: { kind: 'invite', inviteId }, ...message }),
  );
  // the bot's answer while a language model writes it: shown until the stored message replaces it
  socket.on('message:stream', (stream) => chat.update({ ...chat.state(), stream }));
  socket.on('queue:overdue', ({ conversationId }) => chat.update({ ...chat.state(), overdue: conversationId }));
}
