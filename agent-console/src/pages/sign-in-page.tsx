/**
 * @module The sign-in form. Errors (wrong password, server unreachable, session expired) are announced
 * through role="alert"; the session decides what they say.
 */
import { useState } from 'preact/hooks';
import { pageTitle, useDocumentTitle } from '../components/document-title.ts';
import { useSession } from '../components/session-context.ts';

export function SignInPage() {
  const session = useSession();
  const auth = session.store.auth.value;
  const error = auth.status === 'signed-out' ? auth.error : null;
  const [busy, setBusy] = useState(false);
  useDocumentTitle(pageTitle('Sign in'));

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    // text fields give strings; a file (which these fields never hold) counts as empty
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setBusy(true);
    try {
      await session.signIn(field('email'), field('password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      {/* noValidate: our own messages in the alert below, instead of the browser's tooltips */}
      <form class="sign-in__card" aria-labelledby="sign-in-title" noValidate onSubmit={(event) => void onSubmit(event)}>
        <h1 id="sign-in-title" class="sign-in__title">
          Parley
        </h1>
        <p class="sign-in__lead">Sign in to answer your visitors.</p>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <label class="field__label" for="sign-in-email">
          Email
        </label>
        <input id="sign-in-email" class="field__input" name="email" type="email" autoComplete="username" required />
        <label class="field__label" for="sign-in-password">
          Password
        </label>
        <input
          id="sign-in-password"
          class="field__input"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" class="button button--primary sign-in__submit" disabled={busy} aria-busy={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
