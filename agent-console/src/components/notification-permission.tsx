/**
 * @module Offers desktop notifications once, by a button the agent chooses to press: the browser's
 * permission prompt is never sprung on them.
 */
import { useState } from 'preact/hooks';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function NotificationPermission() {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      class="agent-menu__item"
      onClick={() => {
        void Notification.requestPermission().then(setPermission, () => setPermission(currentPermission()));
      }}
    >
      Enable desktop notifications
    </button>
  );
}
