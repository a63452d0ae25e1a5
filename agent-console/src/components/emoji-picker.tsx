/**
 * @module A compact emoji grid for the composer (issue 19). Hand-made rather than a picker library: the
 * console needs two dozen common reactions, not a 400 KB catalogue with search, skin tones and its own
 * styling; the system emoji keyboard (Win + . , Ctrl + Cmd + Space) stays there for everything else.
 * Keyboard: the toggle opens the grid with focus on the first emoji; arrow keys move (rows of
 * COLUMNS), Home and End jump, Enter or Space inserts, Escape closes and returns to the toggle.
 */
import { useId, useRef, useState } from 'preact/hooks';

const EMOJI: ReadonlyArray<readonly [string, string]> = [
  ['😀', 'grinning face'],
  ['🙂', 'slightly smiling face'],
  ['😊', 'smiling face'],
  ['😉', 'winking face'],
  ['😂', 'face with tears of joy'],
  ['😅', 'grinning face with sweat'],
  ['😍', 'smiling face with heart eyes'],
  ['🤔', 'thinking face'],
  ['😮', 'surprised face'],
  ['😢', 'crying face'],
  ['🙏', 'folded hands'],
  ['👋', 'waving hand'],
  ['👍', 'thumbs up'],
  ['👎', 'thumbs down'],
  ['👏', 'clapping hands'],
  ['🙌', 'raised hands'],
  ['💪', 'flexed biceps'],
  ['❤️', 'red heart'],
  ['🎉', 'party popper'],
  ['✅', 'check mark'],
  ['❌', 'cross mark'],
  ['⭐', 'star'],
  ['🔥', 'fire'],
  ['🚀', 'rocket'],
];
const COLUMNS = 6;

export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const gridId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const grid = useRef<HTMLDivElement>(null);

  const focusAt = (index: number) => {
    const next = Math.max(0, Math.min(EMOJI.length - 1, index));
    setActive(next);
    grid.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const moves: Record<string, number> = {
    ArrowRight: 1,
    ArrowLeft: -1,
    ArrowDown: COLUMNS,
    ArrowUp: -COLUMNS,
  };

  return (
    <div class="emoji">
      <button
        ref={toggle}
        type="button"
        class="button button--quiet"
        aria-expanded={open}
        aria-controls={open ? gridId : undefined}
        disabled={disabled}
        onClick={() => {
          setOpen(!open);
          // the grid is drawn on this render: focus its first emoji right after
          if (!open) requestAnimationFrame(() => focusAt(0));
        }}
      >
        <span aria-hidden="true">🙂</span> Emoji
      </button>
      {open && (
        <div
          ref={grid}
          id={gridId}
          class="emoji__grid"
          role="group"
          aria-label="Insert an emoji"
          onKeyDown={(event) => {
            const move = moves[event.key];
            if (move !== undefined) focusAt(active + move);
            else if (event.key === 'Home') focusAt(0);
            else if (event.key === 'End') focusAt(EMOJI.length - 1);
            else if (event.key === 'Escape') close();
            else return;
            event.preventDefault();
            event.stopPropagation();
          }}
        >
          {EMOJI.map(([emoji, name], index) => (
            <button
              key={emoji}
              type="button"
              class="emoji__choice"
              aria-label={name}
              title={name}
              // one tab stop: arrows move within the grid
              tabIndex={index === active ? 0 : -1}
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
