/**
 * @module files-in-chat: a message's files in the console. Images show as thumbnails that open full
 * size in a dialog; other files show name, type and size with a download link. Links are signed
 * for five minutes: fetched when drawn, and again before use once old.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Attachment, AttachmentLinkResponse } from '@parley/shared';
import { Dialog } from './dialog.tsx';
import { sizeText } from '../state/attachment-uploads.ts';

const MARGIN_MS = 30_000;
const links = new Map<string, Promise<AttachmentLinkResponse>>();

function linkFor(id: string): Promise<AttachmentLinkResponse> {
  const held = links.get(id);
  if (held) return held;
  const fresh = fetch(`/api/attachments/${encodeURIComponent(id)}/link`, { credentials: 'same-origin' }).then(
    async (res) => {
      if (!res.ok) throw new Error(`link ${res.status}`);
      const body = (await res.json()) as AttachmentLinkResponse;
      setTimeout(() => links.delete(id), Math.max(0, Date.parse(body.expiresAt) - Date.now() - MARGIN_MS));
      return body;
    },
  );
  links.set(id, fresh);
  fresh.catch(() => links.delete(id));
  return fresh;
}

function useLink(id: string): AttachmentLinkResponse | null {
  const [link, setLink] = useState<AttachmentLinkResponse | null>(null);
  useEffect(() => {
    let current = true;
    linkFor(id).then(
      (got) => current && setLink(got),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [id]);
  return link;
}

/** A short name for a type: PDF, PNG, DOCX… */
export function typeLabel(type: string): string {
  if (type.includes('wordprocessingml')) return 'DOCX';
  if (type.includes('spreadsheetml')) return 'XLSX';
  if (type.includes('presentationml')) return 'PPTX';
  if (type === 'text/plain') return 'TXT';
  return (type.split('/')[1] ?? type).replace('vnd.oasis.opendocument.', 'OD ').toUpperCase();
}

export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] | undefined }) {
  if (!attachments?.[0]) return null;
  return (
    <ul class="attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.hasThumbnail ? <Thumbnail attachment={attachment} /> : <FileLink attachment={attachment} />}
        </li>
      ))}
    </ul>
  );
}

function Thumbnail({ attachment }: { attachment: Attachment }) {
  const link = useLink(attachment.id);
  const [full, setFull] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="attachment-thumb"
        aria-label={`Open image ${attachment.name} (${sizeText(attachment.size)})`}
        aria-haspopup="dialog"
        onClick={() => void linkFor(attachment.id).then((fresh) => setFull(fresh.url))}
      >
        {link?.thumbnailUrl && <img src={link.thumbnailUrl} alt={attachment.name} />}
      </button>
      {full && (
        <Dialog title={attachment.name} onClose={() => setFull(null)}>
          <img class="attachment-full" src={full} alt={attachment.name} />
          <p>
            <a href={full} download={attachment.name}>
              Download {attachment.name}
            </a>
          </p>
        </Dialog>
      )}
    </>
  );
}

function FileLink({ attachment }: { attachment: Attachment }) {
  const link = useLink(attachment.id);
  const [href, setHref] = useState<string | undefined>(undefined);
  const refresh = () => void linkFor(attachment.id).then((fresh) => setHref(fresh.url));
  return (
    <a
      class="attachment-file"
      href={href ?? link?.url}
      download={attachment.name}
      // an old link is swapped for a fresh one before the click lands
      onPointerEnter={refresh}
      onFocus={refresh}
    >
      <span class="attachment-file__name">{attachment.name}</span>
      <span class="attachment-file__meta">
        {typeLabel(attachment.type)} · {sizeText(attachment.size)} · Download
      </span>
    </a>
  );
}
