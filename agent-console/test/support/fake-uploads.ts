/**
 * @module The console's file routes answered in memory, in place of the browser's XMLHttpRequest
 * and fetch (jsdom's would go to the network): each POST to /api/conversations/:id/attachments is
 * held until the test answers it, stored or refused, as the server does; GET
 * /api/attachments/:id/link answers a signed link for any file.
 */
import { vi } from 'vitest';
import type { Attachment } from '@parley/shared';

interface HeldUpload {
  conversationId: string;
  file: File;
  answer(status: number, body: unknown): void;
}

export class FakeUploads {
  readonly held: HeldUpload[] = [];
  readonly stored = new Map<string, Attachment>();
  #next = 1;

  /** Replaces XMLHttpRequest for this test (vi.unstubAllGlobals puts it back). */
  install(): this {
    const hold = (upload: HeldUpload) => this.held.push(upload);
    class FakeRequest {
      status = 0;
      responseText = '';
      readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      #url = '';
      #aborted = false;
      open(_method: string, url: string): void {
        this.#url = url;
      }
      abort(): void {
        this.#aborted = true;
      }
      send(form: FormData): void {
        const conversationId = /^\/api\/conversations\/([^/]+)\/attachments$/.exec(this.#url)?.[1];
        const file = form.get('file');
        if (!conversationId || !(file instanceof File)) throw new Error(`unexpected upload to ${this.#url}`);
        hold({
          conversationId,
          file,
          answer: (status, body) => {
            if (this.#aborted) return;
            this.status = status;
            this.responseText = JSON.stringify(body);
            this.onload?.();
          },
        });
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeRequest);
    vi.stubGlobal('fetch', async (input: string) => {
      const id = /^\/api\/attachments\/([^/]+)\/link$/.exec(input)?.[1];
      if (!id) return new Response(null, { status: 404 });
      const url = `/files/${id}?sig=test`;
      const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
      return Response.json({ url, thumbnailUrl: `${url}&thumbnail=1`, expiresAt });
    });
    return this;
  }

  /** Answers the oldest upload still held as stored, and returns what the server would. */
  store(type = 'application/pdf'): Attachment {
    const upload = this.#take();
    const attachment: Attachment = {
      id: `att_${this.#next++}`,
      name: upload.file.name,
      type,
      size: upload.file.size,
      hasThumbnail: type.startsWith('image/'),
    };
    this.stored.set(attachment.id, attachment);
    upload.answer(200, { attachment });
    return attachment;
  }

  /** Answers the oldest upload still held with the server's refusal. */
  refuse(status: number, message: string): void {
    this.#take().answer(status, { error: { code: 'invalid_payload', message } });
  }

  #take(): HeldUpload {
    const upload = this.held.shift();
    if (!upload) throw new Error('no upload is waiting for an answer');
    return upload;
  }
}
