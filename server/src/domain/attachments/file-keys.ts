/**
 * @module Where a conversation's files are kept in the file storage: one folder per conversation (so
 * its files go with it in one deletePrefix), named by hex of our own ids, never by a client's name.
 */
const hex = (id: string): string => Buffer.from(id, 'utf8').toString('hex');

export function conversationFolder(conversationId: string): string {
  return `att/${hex(conversationId)}/`;
}

export function fileKeys(conversationId: string, attachmentId: string): { file: string; thumbnail: string } {
  const file = conversationFolder(conversationId) + hex(attachmentId);
  return { file, thumbnail: `${file}-thumb` };
}
