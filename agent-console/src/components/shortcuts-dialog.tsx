/**
 * @module The list of keyboard shortcuts, opened with `?` or from the agent menu, and the switch
 * that turns single-key shortcuts off (WCAG 2.1.4).
 */
import { setSingleKeyShortcuts, singleKeyShortcuts } from '../state/shortcut-settings.ts';
import { Dialog } from './dialog.tsx';
import { SHORTCUTS } from './use-shortcuts.ts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const singleKeys = singleKeyShortcuts.value;
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p class="dialog__lead">Single keys work when you are not typing; with Alt they work everywhere.</p>
      <label class="shortcuts__setting">
        <input
          type="checkbox"
          checked={singleKeys}
          onChange={(event) => setSingleKeyShortcuts(event.currentTarget.checked)}
        />
        Single-key shortcuts (j, k, r, ?)
      </label>
      <dl class="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} class="shortcuts__row">
            <dt class="shortcuts__keys">
              {/* only the keys that work now: single keys drop out when they are off */}
              {keysFor(shortcut.keys, singleKeys).map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
              {keysFor(shortcut.keys, singleKeys).length === 0 && (
                <span class="shortcuts__none">Agent menu, Keyboard shortcuts</span>
              )}
            </dt>
            <dd class="shortcuts__action">{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <div class="dialog__actions">
        <button type="button" class="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function keysFor(keys: readonly string[], singleKeys: boolean): readonly string[] {
  return singleKeys ? keys : keys.filter((key) => key.length > 1);
}
