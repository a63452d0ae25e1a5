/**
 * @module files-in-chat: the files an agent attached to the reply box, each with its progress, and
 * Cancel, Remove or Retry; what waits for its files to finish says so. A polite live region says
 * when a file is attached or refused.
 */
import type { AttachmentUploads, Upload } from '../state/attachment-uploads.ts';
import { sizeText } from '../state/attachment-uploads.ts';

export function AttachmentTray({ uploads }: { uploads: AttachmentUploads }) {
  const all = uploads.uploads.value;
  const waitingKeys = new Set(uploads.waiting.value.flatMap((w) => w.keys));
  const latest = [...all].reverse().find((u) => u.state === 'done' || u.state === 'failed');
  return (
    <div class="attachment-tray">
      {all[0] && (
        <ul class="attachment-tray__list" aria-label="Files to send">
          {all.map((upload) => (
            <Chip key={upload.key} upload={upload} uploads={uploads} sent={waitingKeys.has(upload.key)} />
          ))}
        </ul>
      )}
      <p class="visually-hidden" role="status">
        {latest &&
          (latest.state === 'done'
            ? `${latest.file.name} attached`
            : `${latest.file.name} was not attached: ${latest.error ?? 'the upload failed'}`)}
      </p>
    </div>
  );
}

function Chip({ upload, uploads, sent }: { upload: Upload; uploads: AttachmentUploads; sent: boolean }) {
  const name = upload.file.name;
  const busy = upload.state === 'uploading' || upload.state === 'waiting';
  return (
    <li class={`attachment-chip attachment-chip--${upload.state}`}>
      <span class="attachment-chip__name">{name}</span>
      <span class="attachment-chip__meta">{sizeText(upload.file.size)}</span>
      {upload.state === 'uploading' && <progress max={1} value={upload.progress} aria-label={`Uploading ${name}`} />}
      {upload.state === 'waiting' && <span class="attachment-chip__meta">Waiting for the connection…</span>}
      {sent && upload.state !== 'failed' && <span class="attachment-chip__meta">Sends when uploaded</span>}
      {upload.state === 'failed' && (
        <>
          <span class="attachment-chip__problem">{upload.error}</span>
          <button
            type="button"
            class="button button--quiet button--small"
            aria-label={`Retry ${name}`}
            onClick={() => uploads.retry(upload.key)}
          >
            Retry
          </button>
        </>
      )}
      <button
        type="button"
        class="button button--quiet button--small"
        aria-label={`${busy ? 'Cancel' : 'Remove'} ${name}`}
        onClick={() => uploads.remove(upload.key)}
      >
        {busy ? 'Cancel' : 'Remove'}
      </button>
    </li>
  );
}
