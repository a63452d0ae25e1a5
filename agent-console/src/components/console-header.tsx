/**
 * @module The console's top bar: the pages, who is signed in, their status and load, whether the live
 * connection is up, desktop notifications, the shortcut list, and sign-out.
 */
import { useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { NotificationPermission } from './notification-permission.tsx';
import { useSession } from './session-context.ts';
import { ConsoleNav } from './console-nav.tsx';
import { StatusPicker } from './status-picker.tsx';

interface ConsoleHeaderProps {
  agent: Agent;
  /** The conversations view has shortcuts; the other pages have none to list. */
  onShowShortcuts?: () => void;
  /** The conversations view has no other heading, so the brand is its h1; other pages title themselves. */
  brandIsHeading?: boolean;
}

export function ConsoleHeader({ agent, onShowShortcuts, brandIsHeading = false }: ConsoleHeaderProps) {
  const session = useSession();
  const online = session.store.connection.value === 'online';
  const [signingOut, setSigningOut] = useState(false);

  return (
    <header class="topbar">
      {brandIsHeading ? <h1 class="topbar__brand">Parley</h1> : <span class="topbar__brand">Parley</span>}
      <ConsoleNav agent={agent} />
      <div class="topbar__agent">
        <span class="topbar__name">{agent.name}</span>
        <span class={`presence ${online ? 'presence--online' : 'presence--connecting'}`} role="status">
          {online ? 'Connected' : 'Connecting…'}
        </span>
        <StatusPicker agent={agent} />
      </div>
      <NotificationPermission />
      {onShowShortcuts && (
        <button type="button" class="button button--quiet" aria-keyshortcuts="?" onClick={onShowShortcuts}>
          Shortcuts
        </button>
      )}
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
