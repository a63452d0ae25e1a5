/**
 * @module The console's top bar, one compact row: the product, the pages, whether the live connection
 * is up, the agent's status and load, and the agent's menu (notifications, shortcuts, theme, sign-out).
 * A skip link before it is the page's first Tab stop.
 */
import type { Agent } from '@parley/shared';
import { AgentMenu } from './agent-menu.tsx';
import { useSession } from './session-context.ts';
import { ConsoleNav } from './console-nav.tsx';
import { SkipLink } from './skip-link.tsx';
import { StatusPicker } from './status-picker.tsx';

interface ConsoleHeaderProps {
  agent: Agent;
  /** The conversations view has shortcuts; the other pages have none to list. */
  onShowShortcuts?: () => void;
  /** Where the skip link goes, and what it says. */
  skipLabel?: string;
}

export function ConsoleHeader({ agent, onShowShortcuts, skipLabel = 'Skip to main content' }: ConsoleHeaderProps) {
  const session = useSession();
  const online = session.store.connection.value === 'online';

  return (
    <>
      <SkipLink label={skipLabel} />
      <header class="topbar">
        <span class="topbar__brand">
          <span class="topbar__logo" aria-hidden="true" />
          Parley
        </span>
        <ConsoleNav agent={agent} />
        <div class="topbar__end">
          <span class={`presence ${online ? 'presence--online' : 'presence--connecting'}`} role="status">
            {online ? 'Connected' : 'Connecting…'}
          </span>
          <StatusPicker agent={agent} />
          <AgentMenu agent={agent} onShowShortcuts={onShowShortcuts} />
        </div>
      </header>
    </>
  );
}
