/**
 * @module Uploaders for scenario 6: each sends one file after another (multipart, as the console
 * does) into its own conversation over the agent upload route, signed in as the admin (admins may
 * upload into any open conversation), until stopped or its count is reached.
 */
export interface UploadTally {
  done: number;
  failed: number;
  bytes: number;
  seconds: number;
  firstError: string | undefined;
}

export function startUploaders(options: {
  url: string;
  adminCookie: string;
  conversations: string[];
  fileBytes: number;
  maxPerUploader: number;
}): { done: Promise<UploadTally>; stop: () => void } {
  // one file's bytes, shared by every upload: the runner's memory, not the server's, holds it
  const file = new Blob([Buffer.alloc(options.fileBytes, 'upload bench line of plain text\n')], { type: 'text/plain' });
  const tally: UploadTally = { done: 0, failed: 0, bytes: 0, seconds: 0, firstError: undefined };
  let stopped = false;
  const started = Date.now();
  const one = async (conversationId: string): Promise<void> => {
    for (let n = 0; n < options.maxPerUploader && !stopped; n++) {
      const form = new FormData();
      form.append('file', file, `bench-${n}.txt`);
      const res = await fetch(`${options.url}/api/conversations/${encodeURIComponent(conversationId)}/attachments`, {
        method: 'POST',
        headers: { cookie: options.adminCookie, origin: new URL(options.url).origin },
        body: form,
      }).catch((error: unknown) => error);
      if (res instanceof Response && res.status === 200) {
        tally.done += 1;
        tally.bytes += options.fileBytes;
        await res.arrayBuffer();
      } else {
        tally.failed += 1;
        tally.firstError ??= res instanceof Response ? `${res.status} ${await res.text()}` : String(res);
      }
    }
  };
  const done = Promise.all(options.conversations.map(one)).then(() => {
    tally.seconds = (Date.now() - started) / 1000;
    return tally;
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}

/** One small upload, so both runs start with what the first upload loads already loaded. */
export async function warmUp(url: string, adminCookie: string, conversationId: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob(['warm-up\n'], { type: 'text/plain' }), 'warm-up.txt');
  const res = await fetch(`${url}/api/conversations/${encodeURIComponent(conversationId)}/attachments`, {
    method: 'POST',
    headers: { cookie: adminCookie, origin: new URL(url).origin },
    body: form,
  });
  if (res.status !== 200) throw new Error(`warm-up upload failed: ${res.status} ${await res.text()}`);
}
