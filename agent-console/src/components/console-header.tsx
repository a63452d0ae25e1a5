/**
 * @module The console's top bar: who is signed in, their status and load, whether the live
 * connection is up, desktop notifications, the shortcut list, and sign-out.
 */
import { useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { NotificationPermission } from './notification-permission.tsx';
import { useSession } from './session-context.ts';
import { StatusPicker } from './status-picker.tsx';

export function ConsoleHeader({ agent, onShowShortcuts }: { agent: Agent; onShowShortcuts: () => void }) {
  const session = useSession();
  const online = session.store.connection.value === 'online';
  const [signingOut, setSigningOut] = useState(false);

  return (
    <header class="topbar">
      <h1 class="topbar__brand">Parley</h1>
      <div class="topbar__agent">
        <span class="topbar__name">{agent.name}</span>
        <span class={`presence ${online ? 'presence--online' : 'presence--connecting'}`} role="status">
          {online ? 'Connected' : 'Connecting…'}
        </span>
        <StatusPicker agent={agent} />
      </div>
      <NotificationPermission />
      <button type="button" class="button button--quiet" aria-keyshortcuts="?" onClick={onShowShortcuts}>
        Shortcuts
      </button>
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
