/**
 * @module files-in-chat: the site editor's "Files" fieldset: the largest file, which types are
 * accepted, whether visitors may attach files, and (against spam) only once an agent has answered.
 */
import { AttachmentTypeSchema, MAX_ATTACHMENT_BYTES_LIMIT, type AttachmentType } from '@parley/shared';
import { CheckboxField, TextField } from '../../components/form-field.tsx';
import { typeLabel } from '../../components/message-attachments.tsx';

export interface AttachmentDraft {
  /** Megabytes as typed. */
  maxMegabytes: string;
  allowedTypes: readonly AttachmentType[];
  visitorUploads: boolean;
  visitorUploadsAfterAgentReply: boolean;
}

const MB = 1024 * 1024;

export const attachmentDraftOf = (settings: {
  maxBytes: number;
  allowedTypes: readonly AttachmentType[];
  visitorUploads: boolean;
  visitorUploadsAfterAgentReply: boolean;
}): AttachmentDraft => ({
  maxMegabytes: String(Math.round((settings.maxBytes / MB) * 10) / 10),
  allowedTypes: settings.allowedTypes,
  visitorUploads: settings.visitorUploads,
  visitorUploadsAfterAgentReply: settings.visitorUploadsAfterAgentReply,
});

export const attachmentSettingsOf = (draft: AttachmentDraft) => ({
  maxBytes: Math.round(Number(draft.maxMegabytes) * MB),
  allowedTypes: [...draft.allowedTypes],
  visitorUploads: draft.visitorUploads,
  visitorUploadsAfterAgentReply: draft.visitorUploadsAfterAgentReply,
});

export function AttachmentSettingsFields(props: {
  draft: AttachmentDraft;
  onChange: (change: Partial<AttachmentDraft>) => void;
  error?: string | undefined;
}) {
  const { draft, onChange } = props;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">Files</legend>
      <TextField
        label="Largest file (MB)"
        name="attachments-max-mb"
        type="number"
        min={0.001}
        max={MAX_ATTACHMENT_BYTES_LIMIT / MB}
        value={draft.maxMegabytes}
        onInput={(maxMegabytes) => onChange({ maxMegabytes })}
        error={props.error}
        hint="Images count before they are re-encoded."
      />
      <CheckboxField
        label="Visitors may attach files"
        name="attachments-visitors"
        checked={draft.visitorUploads}
        onChange={(visitorUploads) => onChange({ visitorUploads })}
      />
      <CheckboxField
        label="Only once an agent has answered"
        name="attachments-after-reply"
        checked={draft.visitorUploadsAfterAgentReply}
        onChange={(visitorUploadsAfterAgentReply) => onChange({ visitorUploadsAfterAgentReply })}
        hint="Against spam: a visitor cannot send files into a chat nobody has answered."
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Accepted types (checked from the content, never the name)</legend>
        {AttachmentTypeSchema.options.map((type) => (
          <CheckboxField
            key={type}
            label={typeLabel(type)}
            name={`attachments-type-${type}`}
            checked={draft.allowedTypes.includes(type)}
            onChange={(on) =>
              onChange({
                allowedTypes: on ? [...draft.allowedTypes, type] : draft.allowedTypes.filter((t) => t !== type),
              })
            }
          />
        ))}
      </fieldset>
    </fieldset>
  );
}
