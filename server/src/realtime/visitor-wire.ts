/**
 * @module What a message costs a visitor on the wire. Every message carries the fields quoted
 * replies, edits, deletes and rich content added, null or 0 on the plain messages most chats are
 * made of; the schema has them optional and the widget reads a missing one as "none", so the
 * visitor's socket leaves those defaults out (about 70 B a message, which the widget's first-visit
 * budget, server/test/e2e/widget-transfer-size.test.ts, counts). Agents get messages as stored.
 */
import type { Message, SendResult, SessionResumeResult } from '@parley/shared';

/** `message` without its null quote, edit and delete marks, rich content, and a change number of 0. */
export function visitorMessage(message: Message): Message {
  const { content, replyTo, editedAt, deletedAt, changeSeq, ...rest } = message;
  return {
    ...rest,
    ...(content != null && { content }),
    ...(replyTo != null && { replyTo }),
    ...(editedAt != null && { editedAt }),
    ...(deletedAt != null && { deletedAt }),
    ...(changeSeq ? { changeSeq } : {}),
  };
}

/** A send's ack with its message trimmed the same way. */
export function visitorSendResult(result: SendResult): SendResult {
  return { ...result, message: visitorMessage(result.message) };
}

/** A resume's answer with its messages and changes trimmed the same way. */
export function visitorResume(result: SessionResumeResult): SessionResumeResult {
  const { changes, ...rest } = result;
  return {
    ...rest,
    messages: rest.messages.map(visitorMessage),
    ...(changes && { changes: changes.map(visitorMessage) }),
  };
}
