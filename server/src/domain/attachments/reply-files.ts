/**
 * @module The files an agent names in a ticket reply: each must be an attachment of that
 * conversation that no message has taken yet (uploaded for this reply). Checked before anything is
 * written, so a wrong id refuses the reply instead of mailing something else. A reply sent again
 * (its ack was lost) has its files taken already by its first delivery: it is answered with that.
 */
import type { Attachment } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import { toAttachment } from '../../store/attachment-store.ts';

export async function replyFiles(
  store: Store,
  reply: { conversationId: string; clientMessageId: string },
  ids: readonly string[],
): Promise<Attachment[]> {
  const { conversationId } = reply;
  if (ids.length === 0 || (await store.messages.findByClientId(conversationId, reply.clientMessageId))) return [];
  const files: Attachment[] = [];
  for (const id of new Set(ids)) {
    const record = await store.attachments.findById(id);
    if (!record || record.conversationId !== conversationId || record.messageId !== null)
      throw new ParleyError(
        ErrorCode.InvalidPayload,
        'Attach files uploaded into this conversation for this reply (each file goes with one message)',
      );
    files.push(toAttachment(record));
  }
  return files;
}
