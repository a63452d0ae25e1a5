/**
 * @module The console's root: checks for an existing session once, then shows sign-in or the console.
 */
import { useEffect } from 'preact/hooks';
import type { ConsoleSession } from './api/console-session.ts';
import { SessionContext } from './components/session-context.ts';
import { ConsolePage } from './pages/console-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

export function App({ session }: { session: ConsoleSession }) {
  useEffect(() => {
    void session.start();
    return () => session.dispose();
  }, [session]);

  const auth = session.store.auth.value;
  return (
    <SessionContext.Provider value={session}>
      {auth.status === 'checking' ? (
        <p class="loading" role="status">
          Loading…
        </p>
      ) : auth.status === 'signed-out' ? (
        <SignInPage />
      ) : (
        <ConsolePage agent={auth.agent} />
      )}
    </SessionContext.Provider>
  );
}
