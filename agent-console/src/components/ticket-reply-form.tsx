/**
 * @module A ticket's reply box: the text that goes out by email, and files attached by the button,
 * by drag and drop or by pasting, in the chat composer's upload tray. The reply goes once every file
 * is stored, naming them (`attachmentIds`); the server attaches them to the mail or links them. A
 * reply that fails keeps its text, its files and its client id, so sending it again is the same reply.
 */
import { useRef, useState } from 'preact/hooks';
import { newClientMessageId } from '@parley/shared/client-core';
import { ticketUploadsFor } from '../state/attachment-uploads.ts';
import { AttachmentTray } from './attachment-tray.tsx';
import { TextAreaField } from './form-field.tsx';
import type { TicketChannel } from '../api/ticket-channel.ts';

interface TicketReplyFormProps {
  conversationId: string;
  busy: boolean;
  /** Runs the reply (the view shows its failure and reloads the thread), then `done` after it went. */
  act: (work: () => Promise<unknown>, done: () => void) => void;
  reply: TicketChannel['reply'];
}

export function TicketReplyForm({ conversationId, busy, act, reply }: TicketReplyFormProps) {
  const [text, setText] = useState('');
  // one id per reply until it has gone: a retry after a lost answer is stored once, with its files
  const clientMessageId = useRef(newClientMessageId());
  const uploads = ticketUploadsFor(conversationId);
  const attached = uploads.uploads.value;
  const stored = attached.length > 0 ? uploads.stored() : { keys: [], attachments: [] };
  const takeFiles = (event: Event, data: DataTransfer | null): void => {
    const files = [...(data?.files ?? [])];
    if (!files[0]) return;
    event.preventDefault();
    uploads.add(files);
  };

  return (
    <form
      class="ticket__form"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => takeFiles(event, event.dataTransfer)}
      onPaste={(event) => takeFiles(event, event.clipboardData)}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '' || !stored) return;
        const files = stored;
        act(
          () =>
            reply({
              conversationId,
              clientMessageId: clientMessageId.current,
              body: text.trim(),
              ...(files.attachments[0] ? { attachmentIds: files.attachments.map((a) => a.id) } : {}),
            }),
          () => {
            setText('');
            files.keys.forEach((key) => uploads.remove(key));
            clientMessageId.current = newClientMessageId();
          },
        );
      }}
    >
      <TextAreaField
        label="Reply to the visitor"
        name="reply"
        hint="Sent by email, and shown in the widget if they are on the site. Files go with the mail, or as links when large."
        value={text}
        onInput={setText}
      />
      <AttachmentTray uploads={uploads} />
      <div class="ticket__form-controls">
        <label class="button button--quiet composer__attach">
          Attach files
          <input
            type="file"
            multiple
            class="visually-hidden"
            onChange={(event) => {
              const input = event.currentTarget;
              uploads.add([...(input.files ?? [])]);
              input.value = '';
            }}
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy || text.trim() === '' || !stored}>
          Send reply
        </button>
        {!stored && (
          <span class="muted">
            {attached.some((u) => u.state === 'failed')
              ? 'Retry or remove the file that was not attached to send the reply.'
              : 'The reply can go once the files are uploaded.'}
          </span>
        )}
      </div>
    </form>
  );
}
