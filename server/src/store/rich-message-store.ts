/**
 * @module Rich messages: finding an offer by id, the answer it has, and storing an answer once.
 */
import type { Message } from '@parley/shared';
import type { NewMessage } from './message-store.ts';

export interface RichMessageStore {
  findMessage(messageId: string): Promise<Message | undefined>;
  /** The visitor message answering offer `messageId`, if there is one. */
  findAnswer(messageId: string): Promise<Message | undefined>;
  /**
   * Appends the answer to `answerTo` with the next seq. Undefined, with nothing written, when the
   * client id or the offer already has an answer stored (the database decides, also across servers).
   */
  appendAnswer(message: NewMessage, answerTo: string): Promise<Message | undefined>;
}
