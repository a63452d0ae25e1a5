/**
 * @module The site's answer bot (issue 22, docs/answer-bot.md), below the site's settings: whether a
 * bot answers first, how sure it must be to answer, how long a visitor may wait for it, and what it
 * says. Saved on its own (PATCH /api/admin/sites/:siteId/bot): the next conversation follows it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BotMode, BotSettings, BotWording } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { FormMessage, SelectField, TextField } from '../../components/form-field.tsx';
import { ExternalBotSection } from './external-bot-section.tsx';
import { BotModelLine } from './bot-model-line.tsx';

const MODES = [
  ['off', 'Off: every chat goes to the queue'],
  ['builtin', 'Built-in answer bot: answers from published help articles first'],
  ['external', 'External bot: your own bot, behind a URL, answers first'],
] as const satisfies ReadonlyArray<readonly [BotMode, string]>;

const WORDING: ReadonlyArray<readonly [keyof BotWording, string, string]> = [
  ['answerIntro', 'Before an answer', 'Said before the excerpt of the article found.'],
  ['askResolved', 'Question after an answer', 'Asked with the two buttons below.'],
  ['yes', '"Yes" button', 'Ends the conversation as resolved by the bot.'],
  ['no', '"No" button', 'Hands the conversation to your team.'],
  ['resolved', 'After "Yes"', ''],
  ['handoff', 'When handing to the team', ''],
];

interface Draft {
  mode: BotMode;
  name: string;
  /** Percent, as typed. */
  threshold: string;
  timeout: string;
  wording: BotWording;
}

const draftOf = (bot: BotSettings): Draft => ({
  mode: bot.mode,
  name: bot.name,
  threshold: String(Math.round(bot.matchThreshold * 100)),
  timeout: String(bot.handoffTimeoutSeconds),
  wording: bot.wording,
});

export function BotSettingsSection({ siteId }: { siteId: string }) {
  const { bot: api } = useApi();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.get(siteId).then(
      (bot) => current && setDraft(draftOf(bot)),
      (caught: unknown) =>
        current && setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Could not load the bot.')),
    );
    return () => {
      current = false;
    };
  }, [api, siteId]);

  if (!draft) {
    return error ? <FormMessage error={error.message} success={null} /> : null;
  }
  const edit = (change: Partial<Draft>) => {
    setSaved(null);
    setDraft({ ...draft, ...change });
  };
  const issue = (path: string) => error?.issueAt(path);

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const bot = await api.update(siteId, {
        mode: draft.mode,
        name: draft.name,
        matchThreshold: Number(draft.threshold) / 100,
        handoffTimeoutSeconds: Number(draft.timeout),
        wording: draft.wording,
      });
      setDraft(draftOf(bot));
      setSaved('Saved. New conversations follow it.');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving failed. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form class="admin-form" noValidate aria-label="Answer bot" onSubmit={(event) => void save(event)}>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Answer bot</legend>
          <SelectField
            label="Bot"
            name="bot-mode"
            value={draft.mode}
            options={MODES}
            onChange={(mode) => edit({ mode })}
          />
          <BotModelLine siteId={siteId} />
          <TextField
            label="Bot name"
            name="bot-name"
            value={draft.name}
            onInput={(name) => edit({ name })}
            error={issue('name')}
            hint="Shown beside its messages."
          />
          <TextField
            label="Match needed to answer (%)"
            name="bot-threshold"
            type="number"
            min={0}
            max={100}
            value={draft.threshold}
            onInput={(threshold) => edit({ threshold })}
            error={issue('matchThreshold')}
            hint="How much of the question the best article must cover. Below it, the bot hands the chat to your team."
          />
          <TextField
            label="Hand off after (seconds without an answer)"
            name="bot-timeout"
            type="number"
            min={5}
            max={3600}
            value={draft.timeout}
            onInput={(timeout) => edit({ timeout })}
            error={issue('handoffTimeoutSeconds')}
          />
          {WORDING.map(([key, label, hint]) => (
            <TextField
              key={key}
              label={label}
              name={`bot-${key}`}
              value={draft.wording[key]}
              onInput={(value) => edit({ wording: { ...draft.wording, [key]: value } })}
              error={issue(`wording.${key}`)}
              hint={hint || undefined}
            />
          ))}
        </fieldset>
        <FormMessage
          error={
            error
              ? error.issues.length > 0
                ? 'Some bot settings need fixing: see the marked fields.'
                : error.message
              : null
          }
          success={saved}
        />
        <div class="admin-form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            Save answer bot
          </button>
        </div>
      </form>
      {draft.mode === 'external' && (
        <ExternalBotSection
          siteId={siteId}
          onUnregistered={() => {
            // the server turned the mode off with it; this section (and its own message) goes away
            setDraft({ ...draft, mode: 'off' });
            setSaved("External bot unregistered: its token no longer works, and the site's bot is off.");
          }}
        />
      )}
    </>
  );
}
