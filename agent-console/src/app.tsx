/**
 * @module The console's root: checks for an existing session once, then shows sign-in or the console's pages.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ConsoleSession } from './api/console-session.ts';
import { SessionContext } from './components/session-context.ts';
import { ApiContext, createConsoleApi, type ConsoleApi } from './components/api-context.ts';
import { SignedInRoutes } from './pages/signed-in-routes.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/** `api`: the REST side of admin pages and canned responses; the real one unless a test passes its own. */
export function App({ session, api }: { session: ConsoleSession; api?: ConsoleApi }) {
  const restApi = useMemo(() => api ?? createConsoleApi(), [api]);
  useEffect(() => {
    void session.start();
    return () => session.dispose();
  }, [session]);

  const auth = session.store.auth.value;
  // after the sign-in form (not after a reload with a valid cookie), focus goes to the first page's heading
  const signedInHere = useRef(false);
  if (auth.status === 'signed-out') signedInHere.current = true;
  return (
    <SessionContext.Provider value={session}>
      <ApiContext.Provider value={restApi}>
        {auth.status === 'checking' ? (
          <p class="loading page-state" role="status">
            <span class="spinner" aria-hidden="true" />
            Loading…
          </p>
        ) : auth.status === 'signed-out' ? (
          <SignInPage />
        ) : (
          <SignedInRoutes focusHeadingFirst={signedInHere.current} />
        )}
      </ApiContext.Provider>
    </SessionContext.Provider>
  );
}
