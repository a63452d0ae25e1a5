/**
 * @module Data retention: conversations ended more than the retention period ago are deleted, or
 * anonymised (their report facts kept, their words and the person gone), and visitors with nothing
 * left are forgotten. Also one visitor's export and deletion, for privacy requests.
 */
import type { VisitorDataExport } from '../store/privacy-store.ts';
import type { AttachmentRecord } from '../store/attachment-store.ts';
import type { Store } from '../store/store.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { notFound } from '../errors.ts';

export type RetentionMode = 'delete' | 'anonymise';

export interface DataRetentionDeps {
  store: Store;
  dispatcher: QueueDispatcher;
  now: () => Date;
  /** 0: keep everything. */
  retentionDays: number;
  mode: RetentionMode;
  /** Removes the stored files of conversations (attachments). */
  files: { deleteFilesOf(conversationIds: readonly string[]): Promise<void> };
}

/** A visitor's export: what the store holds about them, and the files in their conversations. */
export type VisitorExport = VisitorDataExport & {
  attachments: Array<Omit<AttachmentRecord, 'storageKey' | 'thumbnailKey'>>;
};

/** Conversations handled per pass of the sweep loop: bounds one transaction's size. */
const BATCH = 200;

export interface SweepReport {
  conversations: number;
  visitors: number;
}

export class DataRetention {
  readonly #deps: DataRetentionDeps;

  constructor(deps: DataRetentionDeps) {
    this.#deps = deps;
  }

  /** One retention pass; nothing happens when retention is off. */
  async sweep(): Promise<SweepReport> {
    const { store, retentionDays, mode } = this.#deps;
    if (retentionDays <= 0) return { conversations: 0, visitors: 0 };
    const cutoff = new Date(this.#deps.now().getTime() - retentionDays * 86_400_000).toISOString();
    let conversations = 0;
    for (;;) {
      const ids = await store.privacy.expiredConversations(cutoff, BATCH);
      if (ids.length === 0) break;
      // files first: a failure then leaves rows to retry with, never files nothing points to
      await this.#deps.files.deleteFilesOf(ids);
      if (mode === 'delete') await store.privacy.deleteConversations(ids);
      else await store.privacy.anonymiseConversations(ids, this.#deps.now().toISOString());
      conversations += ids.length;
      if (ids.length < BATCH) break;
    }
    const visitors = await store.privacy.forgetIdleVisitors(cutoff);
    return { conversations, visitors };
  }

  async exportVisitor(visitorId: string): Promise<VisitorExport> {
    const data = await this.#deps.store.privacy.exportVisitor(visitorId);
    if (!data) throw notFound('Visitor');
    const files = await this.#deps.store.attachments.listByVisitor(visitorId);
    // where the bytes are is ours; the visitor gets what they or the team sent
    const attachments = files.map(({ storageKey: _key, thumbnailKey: _thumb, ...shown }) => shown);
    return { ...data, attachments };
  }

  /** Deletes the visitor and all of theirs; a chat they had open leaves the queue or the agent's seat. */
  async deleteVisitor(visitorId: string): Promise<void> {
    const open = await this.#deps.store.conversations.findOpenByVisitor(visitorId);
    const files = await this.#deps.store.attachments.listByVisitor(visitorId);
    await this.#deps.files.deleteFilesOf([...new Set(files.map((file) => file.conversationId))]);
    const deleted = await this.#deps.store.privacy.deleteVisitor(visitorId);
    if (!deleted) throw notFound('Visitor');
    if (open) await this.#deps.dispatcher.drain();
  }
}
