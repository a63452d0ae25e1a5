/**
 * @module The console's top bar: the pages, who is signed in, whether the live connection is up, and sign-out.
 */
import { useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { useSession } from './session-context.ts';
import { ConsoleNav } from './console-nav.tsx';

export function ConsoleHeader({ agent }: { agent: Agent }) {
  const session = useSession();
  const online = session.store.connection.value === 'online';
  const [signingOut, setSigningOut] = useState(false);

  return (
    <header class="topbar">
      <span class="topbar__brand">Parley</span>
      <ConsoleNav agent={agent} />
      <div class="topbar__agent">
        <span class="topbar__name">{agent.name}</span>
        <span class={`presence ${online ? 'presence--online' : 'presence--connecting'}`} role="status">
          {online ? 'Online' : 'Connecting…'}
        </span>
      </div>
      <button
        type="button"
        class="button button--quiet"
        disabled={signingOut}
        onClick={() => {
          setSigningOut(true);
          void session.signOut();
        }}
      >
        Sign out
      </button>
    </header>
  );
}
