/**
 * @module Steps the answer bot tests share: the demo site with its bot on and an article published,
 * a visitor asking a question, and waiting for the bot's replies.
 */
import type { BotSettingsUpdate, Conversation, Message, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, type TestServer } from '../support/test-server.ts';
import { call, clientId, connectVisitor, connected, nextEvent, type VisitorSocket } from '../support/clients.ts';
import { signedInRest, type Rest } from '../support/rest.ts';

export const REFUND_ARTICLE = {
  title: 'Refund policy',
  summary: 'Money back within 30 days of delivery, no questions asked.',
  body: 'We refund every order returned within 30 days. Start a refund from your order page.',
};

export async function demoSiteId(t: TestServer): Promise<string> {
  const demo = await t.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  return demo.id;
}

/** The demo site with its bot set (builtin unless said) and the refund article published. */
export async function botSite(
  t: TestServer,
  settings: BotSettingsUpdate = {},
): Promise<{ admin: Rest; siteId: string }> {
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const siteId = await demoSiteId(t);
  const created = await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', ...REFUND_ARTICLE });
  const { article } = created.body as { article: { id: string } };
  await admin('POST', `/api/admin/sites/${siteId}/help/articles/${article.id}/publish`);
  const changed = await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'builtin', ...settings });
  if (changed.status !== 200) throw new Error(`bot settings refused: ${JSON.stringify(changed.body)}`);
  return { admin, siteId };
}

export async function visitorOnline(t: TestServer, token?: string): Promise<VisitorSocket> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, ...(token ? { token } : {}) });
  await connected(socket);
  await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return socket;
}

/** The bot's messages as the visitor receives them, until (and with) the one `last` matches. */
export function botReplies(socket: VisitorSocket, last: (message: Message) => boolean): Promise<Message[]> {
  const seen: Message[] = [];
  return nextEvent<Message>(socket, 'message:new', (message) => {
    if (message.author.kind === 'bot') seen.push(message);
    return last(message);
  }).then(() => seen);
}

/** The visitor asks; resolves with the conversation and the bot's answer up to its "Did that answer…?". */
export async function ask(
  socket: VisitorSocket,
  question: string,
): Promise<{ conversation: Conversation; replies: Message[] }> {
  const replies = botReplies(socket, (m) => m.author.kind === 'bot' && m.content?.type === 'quick_replies');
  const sent = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body: question });
  return { conversation: sent.conversation, replies: await replies };
}

export function answerQuickReply(socket: VisitorSocket, offer: Message, optionId: string): Promise<SendResult> {
  return call<SendResult>(socket, 'message:send', {
    clientMessageId: clientId(),
    body: optionId,
    answer: { type: 'quick_reply', messageId: offer.id, optionId },
  });
}

export const statusIs = (socket: VisitorSocket, status: Conversation['status']) =>
  nextEvent<Conversation>(socket, 'conversation:updated', (c) => c.status === status);
