/**
 * @module A site's external bot (issue 22, bot-external; docs/answer-bot.md "External bots"), shown
 * below the answer bot's settings when its mode is External: the URL Parley calls, registered once
 * (Parley then shows the bot's signing secret and API token, once), changed, rotated or unregistered.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExternalBot, ExternalBotCredentials as Credentials, ExternalBotRegisteredResponse } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { FormMessage, TextField } from '../../components/form-field.tsx';
import { ExternalBotCredentials } from './external-bot-credentials.tsx';

type Loaded = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; bot: ExternalBot | null };

const asApiError = (caught: unknown, fallback: string): ApiError =>
  caught instanceof ApiError ? caught : new ApiError('internal', fallback);

export function ExternalBotSection({ siteId, onUnregistered }: { siteId: string; onUnregistered: () => void }) {
  const { externalBot: api } = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [url, setUrl] = useState('');
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.get(siteId).then(
      (bot) => {
        if (!current) return;
        setLoaded({ state: 'ready', bot });
        setUrl(bot?.url ?? '');
      },
      (caught: unknown) =>
        current && setLoaded({ state: 'failed', error: asApiError(caught, 'Could not load the bot.') }),
    );
    return () => {
      current = false;
    };
  }, [api, siteId]);

  if (loaded.state === 'loading') {
    return (
      <p class="form-status" role="status">
        Loading the external bot…
      </p>
    );
  }
  if (loaded.state === 'failed') return <FormMessage error={loaded.error.message} success={null} />;
  const bot = loaded.bot;

  async function run(action: () => Promise<ExternalBotRegisteredResponse | null>, success: string): Promise<void> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await action();
      setLoaded({ state: 'ready', bot: answer?.externalBot ?? null });
      setUrl(answer?.externalBot.url ?? '');
      setCredentials(answer?.credentials ?? null);
      setDone(success);
    } catch (caught) {
      setError(asApiError(caught, 'That did not work. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void run(() => api.register(siteId, url), bot ? 'URL changed.' : 'Bot registered.');
  };

  return (
    <form class="admin-form" noValidate aria-label="External bot" onSubmit={submit}>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">External bot</legend>
        <p class="field__hint">
          Parley sends the events of the conversations your bot holds to this URL, signed; the bot answers through the
          REST API with its own token.
        </p>
        <TextField
          label="Bot URL"
          name="external-bot-url"
          value={url}
          onInput={setUrl}
          error={error?.issueAt('url')}
          hint="http:// or https://. Addresses on Parley's own network are refused unless the operator allows them."
        />
        {bot && (
          <p class="field__hint" id="external-bot-credentials-hint">
            Secret ends with <code>…{bot.secretHint}</code>; token starts with <code>{bot.tokenPrefix}</code>.
          </p>
        )}
      </fieldset>
      {credentials && <ExternalBotCredentials credentials={credentials} onDone={() => setCredentials(null)} />}
      <FormMessage
        error={error ? (error.issues.length > 0 ? 'The URL needs fixing.' : error.message) : null}
        success={done}
      />
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {bot ? 'Change URL' : 'Register bot'}
        </button>
        {bot && (
          <>
            {' '}
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void run(() => api.rotate(siteId), 'New credentials made; the old token no longer works.')}
            >
              Rotate credentials
            </button>{' '}
            <button
              type="button"
              class="button button--quiet"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await api.unregister(siteId);
                  onUnregistered();
                  return null;
                }, 'Bot unregistered.')
              }
            >
              Unregister bot
            </button>
          </>
        )}
      </div>
    </form>
  );
}
