/**
 * @module What the visitor sees after each outcome of a message:send from the outbox: the stored
 * message in the thread, a "sending quickly" notice while rate limited, and for a refusal either
 * the offline form holding what was written (the chat closed meanwhile) or a "not sent" notice.
 */
import type { ChatContext } from './chat-context.ts';
import { applySendResult } from './chat-state.ts';
import type { Outbox } from './outbox.ts';
import type { SenderHooks } from './outbox-sender.ts';

export function sendOutcomes(chat: ChatContext, outbox: Outbox): Pick<SenderHooks, 'stored' | 'limited' | 'rejected'> {
  return {
    stored: (result) => {
      const state = chat.state();
      chat.update({
        ...applySendResult(state, result),
        outbox: outbox.list(),
        // it went through: the "sending quickly" notice has said what it had to
        ...(state.notice === 'slowDown' && { notice: null }),
      });
    },
    limited: () => chat.update({ ...chat.state(), notice: 'slowDown' }),
    rejected: ({ code }, body) => {
      const state = chat.state();
      chat.update({
        ...state,
        outbox: outbox.list(),
        // closed meanwhile: the panel offers the offline form, holding what was written, instead of a notice
        ...(code === 'unavailable'
          ? { offHours: true, refused: state.refused ? `${state.refused}\n${body}` : body }
          : { notice: 'notSent' }),
      });
    },
  };
}
