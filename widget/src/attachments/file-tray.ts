/**
 * @module files-in-chat: the files a visitor attached in this tab. Each uploads at once over HTTP
 * (XMLHttpRequest, for its progress events) and shows as a chip: progress, cancel, retry after a
 * refusal, and a wait (retried by itself) while the network or the server is away. A message sent
 * with files waits here until every one of them is stored, then goes to the outbox with their ids;
 * messages leave in the order they were written. Files are not kept across reloads (the panel says
 * so while any wait); uploaded ids are, in the outbox, like any message.
 */
import type { Attachment } from '@parley/shared';
import type { ChatClient } from '../client/chat-client.ts';
import { TOKEN_HEADER } from './attachment-links.ts';

export type ItemState = 'uploading' | 'waiting' | 'failed' | 'done';

export interface Item {
  key: number;
  file: File;
  state: ItemState;
  /** 0–1 while uploading. */
  progress: number;
  /** The server's refusal, shown as it is. */
  error: string | null;
  attachment: Attachment | null;
}

/** A message the visitor sent while some of its files were still uploading. */
export interface Waiting {
  body: string;
  items: Item[];
}

const RETRY_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

export class FileTray {
  /** Attached, not sent yet. */
  items: Item[] = [];
  /** Sent, waiting for their files. */
  waiting: Waiting[] = [];
  /** The latest change worth saying to a screen reader. */
  said: { event: 'attached' | 'failed' | 'waiting'; item: Item } | null = null;
  readonly #client: ChatClient;
  readonly #listeners = new Set<() => void>();
  readonly #requests = new Map<number, XMLHttpRequest>();
  readonly #tries = new Map<number, number>();
  #next = 1;

  constructor(client: ChatClient) {
    this.#client = client;
    // back online: whatever waited for the network goes now
    addEventListener('online', () => this.#all().forEach((item) => item.state === 'waiting' && this.#upload(item)));
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      const item: Item = { key: this.#next++, file, state: 'uploading', progress: 0, error: null, attachment: null };
      this.items = [...this.items, item];
      this.#upload(item);
    }
    this.#changed();
  }

  /** Stops an upload or forgets a file; a waiting message left with neither text nor files is dropped. */
  remove(item: Item): void {
    this.#requests.get(item.key)?.abort();
    this.#requests.delete(item.key);
    this.items = this.items.filter((i) => i !== item);
    this.waiting = this.waiting
      .map((w) => ({ ...w, items: w.items.filter((i) => i !== item) }))
      .filter((w) => w.items.length > 0 || w.body.trim() !== '');
    this.#flush();
    this.#changed();
  }

  retry(item: Item): void {
    this.#tries.delete(item.key);
    this.#upload(item);
  }

  /** Sends `body` with the attached files, now or once they are stored; false when no file is attached. */
  send(body: string): boolean {
    if (!this.items[0]) return false;
    this.waiting = [...this.waiting, { body, items: this.items }];
    this.items = [];
    this.#flush();
    this.#changed();
    return true;
  }

  #all(): Item[] {
    return [...this.items, ...this.waiting.flatMap((w) => w.items)];
  }

  /** The oldest waiting messages whose files are all stored go to the outbox, in order. */
  #flush(): void {
    while (this.waiting[0]?.items.every((item) => item.state === 'done')) {
      const [first, ...rest] = this.waiting;
      this.waiting = rest;
      const attachments = first.items.flatMap((item) => (item.attachment ? [item.attachment] : []));
      this.#client.send(first.body, { attachments: attachments[0] ? attachments : undefined });
    }
  }

  #upload(item: Item): void {
    const [url, token] = this.#client.uploadTo();
    this.#set(item, { state: 'uploading', progress: 0, error: null });
    // a brand-new visitor has no token until the connection's first resume: wait for it like for the network
    if (!token) return this.#wait(item);
    const xhr = new XMLHttpRequest();
    this.#requests.set(item.key, xhr);
    xhr.open('POST', url);
    xhr.setRequestHeader(TOKEN_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) this.#set(item, { progress: event.loaded / event.total });
    };
    xhr.onload = () => {
      this.#requests.delete(item.key);
      const answer = parse(xhr.responseText);
      if (xhr.status === 200 && answer?.attachment) {
        this.#set(item, { state: 'done', progress: 1, attachment: answer.attachment });
        this.said = { event: 'attached', item };
        this.#flush();
      } else if (xhr.status >= 500 || xhr.status === 429) {
        this.#wait(item);
      } else {
        this.#set(item, { state: 'failed', error: answer?.error?.message ?? null });
        this.said = { event: 'failed', item };
      }
      this.#changed();
    };
    // no answer at all: offline, or the server restarting; the same file goes again by itself
    xhr.onerror = () => {
      this.#requests.delete(item.key);
      this.#wait(item);
    };
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    xhr.send(form);
  }

  #wait(item: Item): void {
    const tries = this.#tries.get(item.key) ?? 0;
    this.#tries.set(item.key, tries + 1);
    this.#set(item, { state: 'waiting', progress: 0 });
    this.said = { event: 'waiting', item };
    this.#changed();
    setTimeout(
      () => {
        if (item.state === 'waiting' && this.#all().includes(item)) this.#upload(item);
      },
      RETRY_MS[Math.min(tries, RETRY_MS.length - 1)],
    );
  }

  #set(item: Item, change: Partial<Item>): void {
    Object.assign(item, change);
    this.#changed();
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

function parse(text: string): { attachment?: Attachment; error?: { message?: string } } | null {
  try {
    return JSON.parse(text) as { attachment?: Attachment; error?: { message?: string } };
  } catch {
    return null;
  }
}

const trays = new WeakMap<ChatClient, FileTray>();

/** The tray of this client (one per widget). */
export function trayOf(client: ChatClient): FileTray {
  let tray = trays.get(client);
  if (!tray) trays.set(client, (tray = new FileTray(client)));
  return tray;
}
