/**
 * @module The agent's menu at the end of the top bar: desktop notifications, the keyboard shortcuts,
 * the colour theme and sign-out, behind one button so the bar stays one calm row. A disclosure (button
 * with aria-expanded, use-disclosure.ts), not an ARIA menu: its items are ordinary buttons and radios,
 * reached with Tab.
 */
import { useState } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { setThemePreference, themePreference, type ThemePreference } from '../state/theme.ts';
import { NotificationPermission } from './notification-permission.tsx';
import { useSession } from './session-context.ts';
import { useDisclosure } from './use-disclosure.ts';

const THEMES: Array<[ThemePreference, string]> = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function AgentMenu({ agent, onShowShortcuts }: { agent: Agent; onShowShortcuts?: () => void }) {
  const session = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const { open, setOpen, panelId, root, toggle, close, onKeyDown } = useDisclosure();

  return (
    <div ref={root} class="agent-menu" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        class="agent-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {initials(agent.name)}
        </span>
        <span class="agent-menu__name">{agent.name}</span>
        <span class="visually-hidden">: agent menu</span>
      </button>
      <div id={panelId} class="agent-menu__panel" hidden={!open}>
        <p class="agent-menu__who">
          Signed in as <span class="agent-menu__who-email">{agent.email}</span>
        </p>
        <NotificationPermission />
        {onShowShortcuts && (
          <button
            type="button"
            class="agent-menu__item"
            aria-keyshortcuts="?"
            onClick={() => {
              // the dialog gives focus back to where it was: the menu's button, not this hidden item
              close(true);
              onShowShortcuts();
            }}
          >
            Keyboard shortcuts
          </button>
        )}
        <fieldset class="agent-menu__theme">
          <legend>Theme</legend>
          {THEMES.map(([value, label]) => (
            <label key={value} class="agent-menu__theme-option">
              <input
                type="radio"
                name={`${panelId}-theme`}
                value={value}
                checked={themePreference.value === value}
                onChange={() => setThemePreference(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          class="agent-menu__item agent-menu__item--sign-out"
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            void session.signOut();
          }}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}

/** Up to two letters from the agent's name, for the small avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters
    .map((word) => (word ? [...word][0] : ''))
    .join('')
    .toUpperCase();
}
