/**
 * @module "Did that answer your question?", shared by the built-in bot's two ways of answering (an
 * article's excerpt, or a language model's answer): the question with its two quick replies after an
 * answer, and what the visitor's choice does. Yes: the conversation ends, resolved by the bot; No: handoff.
 */
import type { BotSettings, Conversation, Message, QuickRepliesContent } from '@parley/shared';
import type { Store } from '../../store/store.ts';
import type { BotConversations } from './bot-conversations.ts';

/** The ids of the bot's own quick replies: the visitor's choice names one of them. */
export const RESOLVED_YES = 'yes';
export const RESOLVED_NO = 'no';

/** Asks whether the answer was enough, with the site's wording. */
export async function askResolved(bots: BotConversations, conversation: Conversation, settings: BotSettings) {
  const ask: QuickRepliesContent = {
    type: 'quick_replies',
    options: [
      { id: RESOLVED_YES, label: settings.wording.yes },
      { id: RESOLVED_NO, label: settings.wording.no },
    ],
  };
  await bots.say(conversation, settings.wording.askResolved, ask);
}

/** Acts on the visitor's Yes or No to the bot's question; false when `message` is no such choice. */
export async function answerResolvedChoice(store: Store, bots: BotConversations, message: Message): Promise<boolean> {
  const content = message.content;
  if (content?.type !== 'quick_reply_choice') return false;
  if (content.optionId !== RESOLVED_YES && content.optionId !== RESOLVED_NO) return false;
  const offer = await store.richMessages.findMessage(content.messageId);
  if (offer?.author.kind !== 'bot') return false;
  if (content.optionId === RESOLVED_YES) await bots.resolve(message.conversationId);
  else await bots.handOff(message.conversationId, 'no_answer');
  return true;
}
