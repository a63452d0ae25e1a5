/**
 * @module The list of keyboard shortcuts, opened with `?`.
 */
import { Dialog } from './dialog.tsx';
import { SHORTCUTS } from './use-shortcuts.ts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p class="dialog__lead">Single keys work when you are not typing; with Alt they work everywhere.</p>
      <dl class="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} class="shortcuts__row">
            <dt class="shortcuts__keys">
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
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
