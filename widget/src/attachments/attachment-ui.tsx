/**
 * @module files-in-chat: the attachments chunk, fetched on first use (app/lazy-files.ts). The
 * composer with its tray of files (chips with progress, cancel, retry), and a message's files:
 * images as thumbnails that open full size in a dialog, other files as name, type, size and a
 * download link. Its styles join the widget's shadow root when it first draws.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Attachment, Message } from '@parley/shared';
import type { ChatClient } from '../client/chat-client.ts';
import { Composer, type ComposerProps } from '../app/composer.tsx';
import { adopt } from '../app/adopt-styles.ts';
import { useStrings } from '../app/strings-context.ts';
import { format } from '../i18n/locale.ts';
import { attachmentStrings, type AttachmentStrings } from './attachment-strings.ts';
import { linksFor, type Links } from './attachment-links.ts';
import { trayOf, type FileTray, type Item } from './file-tray.ts';
import css from './attachments.css?inline';

export function add(client: ChatClient, files: readonly File[]): void {
  if (files[0]) trayOf(client).add(files);
}

const styled = new WeakSet<Node>();
/** Puts the chunk's styles into the shadow root `element` is drawn in, once. */
function useStyles(element: { current: Element | null }): void {
  useLayoutEffect(() => {
    const root = element.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adopt(root, css);
    }
  }, []);
}

function useTray(client: ChatClient): FileTray {
  const tray = trayOf(client);
  const [, changed] = useState(0);
  useEffect(() => tray.subscribe(() => changed((n) => n + 1)), [tray]);
  return tray;
}

function useText(): AttachmentStrings {
  return attachmentStrings(useStrings().attach);
}

const kib = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A short name for a type: PDF, PNG, DOCX… */
function kind(type: string): string {
  const known: Record<string, string> = {
    'text/plain': 'TXT',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
    'application/vnd.oasis.opendocument.text': 'ODT',
    'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
    'application/vnd.oasis.opendocument.presentation': 'ODP',
  };
  return known[type] ?? (type.split('/')[1] ?? type).toUpperCase();
}

/** The message box with the files waiting to go above it. */
export function FileComposer(props: ComposerProps & { client: ChatClient }): JSX.Element {
  const { client, ...composer } = props;
  const tray = useTray(client);
  const s = useText();
  const ref = useRef<HTMLDivElement>(null);
  useStyles(ref);
  const waiting = tray.waiting.flatMap((w) => w.items);
  const chips = [...waiting, ...tray.items];
  const said = tray.said;
  return (
    <div class="files" ref={ref}>
      {chips[0] && (
        <ul class="tray" aria-label={s.files}>
          {chips.map((item) => (
            <Chip key={item.key} item={item} tray={tray} s={s} />
          ))}
        </ul>
      )}
      {waiting[0] && <p class="note">{s.queued}</p>}
      {chips.some((item) => item.state !== 'done') && <p class="note">{s.tabOnly}</p>}
      <p class="sr" role="status">
        {said &&
          format(s[said.event], {
            name: said.item.file.name,
            reason: said.item.error ?? s.uploadFailed,
          })}
      </p>
      <Composer
        {...composer}
        files={tray.items.length > 0}
        onSend={(body) => {
          if (!tray.send(body)) composer.onSend(body);
        }}
      />
    </div>
  );
}

function Chip({ item, tray, s }: { item: Item; tray: FileTray; s: AttachmentStrings }): JSX.Element {
  const name = item.file.name;
  const busy = item.state === 'uploading' || item.state === 'waiting';
  return (
    <li class={`chip ${item.state}`}>
      <span class="name" dir="auto">
        {name}
      </span>
      <span class="size">{kib(item.file.size)}</span>
      {item.state === 'uploading' && (
        <progress max={1} value={item.progress} aria-label={format(s.uploading, { name })} />
      )}
      {item.state === 'waiting' && <span class="why">{format(s.waiting, { name })}</span>}
      {item.state === 'failed' && (
        <span class="why" role="alert">
          {format(s.failed, { name, reason: item.error ?? s.uploadFailed })}
        </span>
      )}
      {item.state === 'failed' && (
        <button type="button" class="link" aria-label={format(s.retry, { name })} onClick={() => tray.retry(item)}>
          ↻
        </button>
      )}
      <button
        type="button"
        class="x"
        aria-label={format(busy ? s.cancel : s.remove, { name })}
        onClick={() => tray.remove(item)}
      >
        ×
      </button>
    </li>
  );
}

/** A message's files. */
export function Attachments({ message, client }: { message: Message; client: ChatClient }): JSX.Element | null {
  const ref = useRef<HTMLUListElement>(null);
  useStyles(ref);
  const s = useText();
  if (!message.attachments?.[0]) return null;
  return (
    <ul class="attachments" ref={ref}>
      {(message.attachments ?? []).map((attachment) => (
        <li key={attachment.id}>
          {attachment.hasThumbnail && message.seq > 0 ? (
            <Thumbnail attachment={attachment} client={client} s={s} />
          ) : (
            <FileLink attachment={attachment} client={client} s={s} stored={message.seq > 0} />
          )}
        </li>
      ))}
    </ul>
  );
}

function useLinks(client: ChatClient, attachment: Attachment, wanted: boolean): Links | null {
  const [links, setLinks] = useState<Links | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    linksFor(client, attachment.id).then(
      (got) => current && setLinks(got),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [attachment.id, wanted]);
  return links;
}

type Props = { attachment: Attachment; client: ChatClient; s: AttachmentStrings };

function FileLink({ attachment, client, s, stored }: Props & { stored: boolean }): JSX.Element {
  const links = useLinks(client, attachment, stored);
  const label = `${kind(attachment.type)}, ${kib(attachment.size)}`;
  return (
    <a
      class="file"
      href={links?.url}
      download={attachment.name}
      title={format(s.download, { name: attachment.name })}
      onClick={(event) => {
        // the link lasts five minutes: an old one is fetched afresh, then followed
        event.preventDefault();
        void linksFor(client, attachment.id).then((fresh) => {
          const a = document.createElement('a');
          a.href = fresh.url;
          a.download = attachment.name;
          a.click();
        });
      }}
    >
      <span class="name" dir="auto">
        {attachment.name}
      </span>
      <span class="size">{label}</span>
    </a>
  );
}

function Thumbnail({ attachment, client, s }: Props): JSX.Element {
  const links = useLinks(client, attachment, true);
  const [full, setFull] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const label = format(s.open, { name: attachment.name });
  return (
    <>
      <button
        type="button"
        class="thumb"
        ref={opener}
        aria-label={label}
        aria-haspopup="dialog"
        onClick={() => void linksFor(client, attachment.id).then((fresh) => setFull(fresh.url))}
      >
        {links?.thumbnailUrl && <img src={links.thumbnailUrl} alt={attachment.name} />}
      </button>
      {full && (
        <ImageDialog
          url={full}
          name={attachment.name}
          s={s}
          onClose={() => {
            setFull(null);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}

function ImageDialog(props: { url: string; name: string; s: AttachmentStrings; onClose: () => void }): JSX.Element {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      class="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={props.name}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // the viewer closes, not the whole panel
        event.stopPropagation();
        props.onClose();
      }}
    >
      <button type="button" class="x" ref={close} aria-label={props.s.close} onClick={props.onClose}>
        ×
      </button>
      <img src={props.url} alt={props.name} />
    </div>
  );
}
