/**
 * @module files-in-chat: the files an agent attached to a conversation, per conversation, in this
 * tab. Each uploads at once (XMLHttpRequest, for its progress events) and can be cancelled, removed,
 * or retried after a refusal; one that got no answer (offline, the server restarting) goes again by
 * itself. A message sent with files waits here until all of them are stored, then joins the outbox
 * with their ids; messages leave in the order they were written.
 */
import { signal, type Signal } from '@preact/signals';
import { restRoutes, type Attachment } from '@parley/shared';

export type UploadState = 'uploading' | 'waiting' | 'failed' | 'done';

export interface Upload {
  readonly key: number;
  readonly file: File;
  readonly state: UploadState;
  readonly progress: number;
  readonly error: string | null;
  readonly attachment: Attachment | null;
}

interface WaitingMessage {
  body: string;
  keys: number[];
}

const RETRY_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

export class AttachmentUploads {
  /** Attached, not sent yet, then sent and waiting for their files. */
  readonly uploads: Signal<readonly Upload[]> = signal([]);
  readonly waiting: Signal<readonly WaitingMessage[]> = signal([]);
  readonly #conversationId: string;
  readonly #send: (body: string, attachments: readonly Attachment[]) => void;
  readonly #requests = new Map<number, XMLHttpRequest>();
  readonly #tries = new Map<number, number>();
  #next = 1;

  constructor(conversationId: string, send: (body: string, attachments: readonly Attachment[]) => void) {
    this.#conversationId = conversationId;
    this.#send = send;
  }

  /** Attached and not yet part of a sent message. */
  pendingKeys(): number[] {
    const sent = new Set(this.waiting.value.flatMap((w) => w.keys));
    return this.uploads.value.filter((u) => !sent.has(u.key)).map((u) => u.key);
  }

  /**
   * The attached files not yet part of a message, once every one is stored: for a reply that names
   * its files itself (a ticket's). Null while one still uploads, waits or has failed.
   */
  stored(): { keys: number[]; attachments: Attachment[] } | null {
    const pending = new Set(this.pendingKeys());
    const attached = this.uploads.value.filter((u) => pending.has(u.key));
    const attachments = attached.flatMap((u) => (u.state === 'done' && u.attachment ? [u.attachment] : []));
    if (attachments.length !== attached.length) return null;
    return { keys: attached.map((u) => u.key), attachments };
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      const upload: Upload = {
        key: this.#next++,
        file,
        state: 'uploading',
        progress: 0,
        error: null,
        attachment: null,
      };
      this.uploads.value = [...this.uploads.value, upload];
      this.#upload(upload.key);
    }
  }

  remove(key: number): void {
    this.#requests.get(key)?.abort();
    this.#requests.delete(key);
    this.uploads.value = this.uploads.value.filter((u) => u.key !== key);
    this.waiting.value = this.waiting.value
      .map((w) => ({ ...w, keys: w.keys.filter((k) => k !== key) }))
      .filter((w) => w.keys.length > 0 || w.body.trim() !== '');
    this.#flush();
  }

  retry(key: number): void {
    this.#tries.delete(key);
    this.#upload(key);
  }

  /** Sends `body` with the attached files once they are stored; false when none is attached. */
  send(body: string): boolean {
    const keys = this.pendingKeys();
    if (keys.length === 0) return false;
    this.waiting.value = [...this.waiting.value, { body, keys }];
    this.#flush();
    return true;
  }

  #find(key: number): Upload | undefined {
    return this.uploads.value.find((u) => u.key === key);
  }

  #set(key: number, change: Partial<Upload>): void {
    this.uploads.value = this.uploads.value.map((u) => (u.key === key ? { ...u, ...change } : u));
  }

  #flush(): void {
    for (;;) {
      const [first, ...rest] = this.waiting.value;
      if (!first) return;
      const uploads = first.keys.map((key) => this.#find(key));
      if (!uploads.every((u) => u?.state === 'done')) return;
      this.waiting.value = rest;
      const attachments = uploads.flatMap((u) => (u?.attachment ? [u.attachment] : []));
      this.uploads.value = this.uploads.value.filter((u) => !first.keys.includes(u.key));
      this.#send(first.body, attachments);
    }
  }

  #upload(key: number): void {
    const upload = this.#find(key);
    if (!upload) return;
    this.#set(key, { state: 'uploading', progress: 0, error: null });
    const xhr = new XMLHttpRequest();
    this.#requests.set(key, xhr);
    xhr.open('POST', restRoutes.attachments.agentUpload.path.replace(':conversationId', this.#conversationId));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) this.#set(key, { progress: event.loaded / event.total });
    };
    xhr.onload = () => {
      this.#requests.delete(key);
      const answer = parse(xhr.responseText);
      if (xhr.status === 200 && answer?.attachment) {
        this.#set(key, { state: 'done', progress: 1, attachment: answer.attachment });
        this.#flush();
      } else if (xhr.status >= 500 || xhr.status === 429) this.#wait(key);
      else this.#set(key, { state: 'failed', error: answer?.error?.message ?? `The upload failed (${xhr.status}).` });
    };
    xhr.onerror = () => {
      this.#requests.delete(key);
      this.#wait(key);
    };
    const form = new FormData();
    form.append('file', upload.file, upload.file.name);
    xhr.send(form);
  }

  #wait(key: number): void {
    const tries = this.#tries.get(key) ?? 0;
    this.#tries.set(key, tries + 1);
    this.#set(key, { state: 'waiting', progress: 0 });
    setTimeout(
      () => {
        if (this.#find(key)?.state === 'waiting') this.#upload(key);
      },
      RETRY_MS[Math.min(tries, RETRY_MS.length - 1)],
    );
  }
}

function parse(text: string): { attachment?: Attachment; error?: { message?: string } } | null {
  try {
    return JSON.parse(text) as { attachment?: Attachment; error?: { message?: string } };
  } catch {
    return null;
  }
}

const byConversation = new Map<string, AttachmentUploads>();

/** The uploads of one conversation, kept while the console is open (switching away keeps them). */
export function uploadsFor(
  conversationId: string,
  send: (body: string, attachments: readonly Attachment[]) => void,
): AttachmentUploads {
  let uploads = byConversation.get(conversationId);
  if (!uploads) byConversation.set(conversationId, (uploads = new AttachmentUploads(conversationId, send)));
  return uploads;
}

const ofTickets = new Map<string, AttachmentUploads>();

/**
 * The uploads of one ticket's reply box, apart from the chat's (a converted chat keeps its own): a
 * ticket reply names its files itself (stored()) and keeps them when it fails, so nothing is sent from here.
 */
export function ticketUploadsFor(conversationId: string): AttachmentUploads {
  let uploads = ofTickets.get(conversationId);
  if (!uploads) ofTickets.set(conversationId, (uploads = new AttachmentUploads(conversationId, () => {})));
  return uploads;
}

export const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
