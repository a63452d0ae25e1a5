/**
 * @module Everything about one site: name and allowed origins, how the widget looks and greets,
 * pre-chat questions, business hours, identity verification, and the snippet. Saved as one PATCH;
 * the public widget config reads the same record, so pages pick the change up on their next load
 * (the config is cached for up to a minute).
 */
import { useState } from 'preact/hooks';
import type { SiteAdminView, Weekday } from '@parley/shared';
import { MIN_LAUNCHER_CONTRAST, contrastOnWhite } from '@parley/shared/client-core';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { CheckboxField, FormMessage, SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { BusinessHoursFields } from './business-hours-fields.tsx';
import { AttachmentSettingsFields } from './attachment-settings-fields.tsx';
import { IdentitySecret } from './identity-secret.tsx';
import { SiteSnippet } from './site-snippet.tsx';
import {
  PRE_CHAT_FIELDS,
  draftOf,
  originsOf,
  requestOf,
  type DayDraft,
  type PreChatAsk,
  type SiteDraft,
} from './site-draft.ts';

const POSITIONS = [
  ['right', 'Bottom right'],
  ['left', 'Bottom left'],
] as const;
const THEMES = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['auto', "Visitor's system setting"],
] as const;
// help-widget: how the widget offers the help center
const HELP_MODES = [
  ['chat', 'Chat first, articles suggested while the visitor writes'],
  ['help-first', 'Help articles first, chat a click away'],
  ['articles-only', 'Help articles only, no chat'],
] as const;
const ASKS = [
  ['off', 'Not asked'],
  ['optional', 'Optional'],
  ['required', 'Required'],
] as const;
const ROUTING_MODES = [
  ['automatic', 'Automatic: the next free agent gets the chat'],
  ['manual', 'Manual: agents accept chats from the queue'],
] as const;
const FIELD_NAMES = { name: 'Name', email: 'Email', message: 'First message' } as const;

export function SiteEditor({ site, onSaved }: { site: SiteAdminView; onSaved: (site: SiteAdminView) => void }) {
  const { admin } = useApi();
  const [draft, setDraft] = useState<SiteDraft>(() => draftOf(site));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (change: Partial<SiteDraft>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...change }));
  };
  const editDay = (day: Weekday, change: Partial<DayDraft>) =>
    edit({ days: { ...draft.days, [day]: { ...draft.days[day], ...change } } });
  const issue = (path: string) => error?.issueAt(path);
  const contrast = contrastOnWhite(draft.color);
  // Name the origin each refusal is about: the server counts them, people read them.
  const originsError = error?.issues
    .filter((i) => i.path === 'allowedOrigins' || i.path.startsWith('allowedOrigins.'))
    .map((i) => {
      const origin = originsOf(draft.originsText)[Number(i.path.split('.')[1])];
      return origin === undefined ? i.message : `${origin}: ${i.message}`;
    })
    .join('; ');

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await admin.updateSite(site.id, requestOf(draft));
      onSaved(updated);
      setDraft(draftOf(updated));
      setSaved('Saved. Pages with the widget show the change on their next load, within a minute.');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving failed. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  async function regenerate(): Promise<void> {
    setError(null);
    try {
      const updated = await admin.regenerateIdentitySecret(site.id);
      onSaved(updated);
      setSaved('New identity secret: update it on your server, old user hashes no longer verify.');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Could not replace the secret.'));
    }
  }

  return (
    <form
      class="admin-form site-editor"
      noValidate
      aria-label={`Settings of ${site.name}`}
      onSubmit={(event) => void save(event)}
    >
      <SiteSnippet snippet={site.snippet} origins={site.allowedOrigins} />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Site</legend>
        <TextField
          label="Site name"
          name="name"
          value={draft.name}
          onInput={(name) => edit({ name })}
          error={issue('name')}
        />
        <TextAreaField
          label="Allowed origins"
          name="origins"
          value={draft.originsText}
          onInput={(originsText) => edit({ originsText })}
          error={originsError || undefined}
          hint="One per line, e.g. https://shop.example. The widget works only on pages from these."
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Widget</legend>
        <div class="color-field">
          <TextField
            label="Colour"
            name="color"
            value={draft.color}
            onInput={(color) => edit({ color })}
            error={issue('color')}
            hint="#rrggbb"
          />
          <input
            type="color"
            class="color-field__swatch"
            aria-label="Pick the colour"
            value={/^#[0-9a-f]{6}$/i.test(draft.color) ? draft.color : '#000000'}
            onInput={(event) => edit({ color: event.currentTarget.value })}
          />
        </div>
        {contrast !== null && contrast < MIN_LAUNCHER_CONTRAST && (
          <p class="warning" role="status">
            Low contrast: this colour has {contrast.toFixed(1)}:1 against a white page. Below {MIN_LAUNCHER_CONTRAST}:1
            the chat button is hard to see; pick a darker colour.
          </p>
        )}
        <SelectField
          label="Position"
          name="position"
          value={draft.position}
          options={POSITIONS}
          onChange={(position) => edit({ position })}
        />
        <SelectField
          label="Theme"
          name="theme"
          value={draft.theme}
          options={THEMES}
          onChange={(theme) => edit({ theme })}
        />
        <SelectField
          label="Help center in the widget"
          name="helpMode"
          value={draft.helpMode}
          options={HELP_MODES}
          onChange={(helpMode) => edit({ helpMode })}
        />
        <TextAreaField
          label="Greeting"
          name="greeting"
          value={draft.greeting}
          onInput={(greeting) => edit({ greeting })}
          error={issue('greeting')}
        />
        <TextField
          label="Language"
          name="locale"
          value={draft.locale}
          onInput={(locale) => edit({ locale })}
          error={issue('locale')}
          hint="A language tag such as en, de or pt-BR; empty: the visitor's browser decides."
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Before the chat</legend>
        <CheckboxField
          label="Ask questions before the first message"
          name="pre-chat"
          checked={draft.preChatEnabled}
          onChange={(preChatEnabled) => edit({ preChatEnabled })}
        />
        {draft.preChatEnabled &&
          PRE_CHAT_FIELDS.map((field) => (
            <SelectField<PreChatAsk>
              key={field}
              label={FIELD_NAMES[field]}
              name={`pre-chat-${field}`}
              value={draft.preChat[field]}
              options={ASKS}
              onChange={(ask) => edit({ preChat: { ...draft.preChat, [field]: ask } })}
            />
          ))}
        {issue('preChat') && <p class="field__error">{issue('preChat')}</p>}
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Routing</legend>
        <SelectField
          label="How chats reach agents"
          name="routing-mode"
          value={draft.routingMode}
          options={ROUTING_MODES}
          onChange={(routingMode) => edit({ routingMode })}
        />
        <TextField
          label="Longest wait before answering by email (seconds)"
          name="queue-max-wait"
          type="number"
          min={0}
          max={86400}
          value={draft.maxWait}
          onInput={(maxWait) => edit({ maxWait })}
          error={issue('queueMaxWaitSeconds')}
          hint={`A waiting visitor is then offered an answer by email. Empty: the server's default (${site.defaultQueueMaxWaitSeconds}). 0: never.`}
        />
      </fieldset>
      <AttachmentSettingsFields
        draft={draft.attachments}
        onChange={(change) => edit({ attachments: { ...draft.attachments, ...change } })}
        error={issue('attachments')}
      />
      <BusinessHoursFields
        enabled={draft.hoursEnabled}
        timeZone={draft.timeZone}
        days={draft.days}
        timeZoneError={issue('businessHours.timeZone')}
        daysError={issue('businessHours.days')}
        onEnabled={(hoursEnabled) => edit({ hoursEnabled })}
        onTimeZone={(timeZone) => edit({ timeZone })}
        onDay={editDay}
      />
      <IdentitySecret
        secret={site.identitySecret}
        required={draft.identityVerificationRequired}
        onRequired={(identityVerificationRequired) => edit({ identityVerificationRequired })}
        onRegenerate={regenerate}
      />
      <FormMessage
        error={
          error ? (error.issues.length > 0 ? 'Some settings need fixing: see the marked fields.' : error.message) : null
        }
        success={saved}
      />
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save site
        </button>
      </div>
    </form>
  );
}
