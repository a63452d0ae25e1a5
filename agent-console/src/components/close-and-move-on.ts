/**
 * @module Closing a conversation and keeping the agent's place: after it closes, the next open
 * conversation is selected and its list item takes focus, or, with none left, the inbox heading.
 * Focus never falls back to <body> (the closed conversation's buttons and reply box go away or
 * disable under it).
 */
import type { ConsoleSession } from '../api/console-session.ts';
import { listOrder } from '../state/conversation-selectors.ts';
import { PAGE_TITLE_ID } from './skip-link.tsx';

/** A close that fails leaves everything where it was (the session shows why in its notice). */
export async function closeAndMoveOn(session: ConsoleSession, conversationId: string): Promise<void> {
  const open = listOrder(session.store.data.value)
    .filter((entry) => entry.conversation.status !== 'closed')
    .map((entry) => entry.conversation.id);
  const index = open.indexOf(conversationId);
  await session.close(conversationId);
  if (session.store.data.value.mine.get(conversationId)?.conversation.status !== 'closed') return;
  const rest = open.filter((id) => id !== conversationId);
  const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
  if (next !== undefined) {
    session.select(next);
    conversationButton(next)?.focus();
  } else {
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }
}

export function conversationButton(id: string): HTMLElement | null {
  const buttons = document.querySelectorAll<HTMLElement>('[data-conversation-id]');
  return [...buttons].find((button) => button.dataset['conversationId'] === id) ?? null;
}
