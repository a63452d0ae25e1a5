/**
 * @module The visitor's read receipts (`message:seen`): up to the newest agent message on screen,
 * once per conversation and seq, and never for less than the server already holds.
 */
import type { ChatState } from './chat-state.ts';
import { lastAgentSeq } from './message-merge.ts';

export interface Receipt {
  conversationId: string;
  seq: number;
}

/** Nothing sent on this connection yet (a reconnect starts over: a receipt may have been lost). */
export const NO_RECEIPT: Receipt = { conversationId: '', seq: 0 };

/** The receipt to send for what is on screen, or null when `sent` or the server's marker covers it. */
export function nextReceipt(
  { conversation, thread }: Pick<ChatState, 'conversation' | 'thread'>,
  sent: Receipt,
): Receipt | null {
  if (!conversation || conversation.id !== thread.conversationId) return null;
  const seq = lastAgentSeq(thread);
  const already = sent.conversationId === conversation.id ? sent.seq : 0;
  return seq > Math.max(already, conversation.visitorSeenSeq) ? { conversationId: conversation.id, seq } : null;
}
