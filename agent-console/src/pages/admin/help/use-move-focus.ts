/**
 * @module After a Move up/down button moved its row, the row renders elsewhere: this puts the focus
 * back on the same button of the moved row (or its other one once it reached the top or bottom), so
 * ordering by keyboard is pressing the same key again.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useMoveFocus<T, E extends HTMLElement>(list: readonly T[]) {
  const container = useRef<E>(null);
  const pending = useRef<{ labels: string[]; before: readonly T[] } | null>(null);
  useEffect(() => {
    if (pending.current === null || pending.current.before === list) return;
    const { labels } = pending.current;
    pending.current = null;
    const buttons = [...(container.current?.querySelectorAll('button') ?? [])].filter((b) => !b.disabled);
    for (const label of labels) {
      const button = buttons.find((b) => b.getAttribute('aria-label') === label);
      if (button) return button.focus();
    }
  }, [list]);
  return {
    container,
    /** Call before the move: `name` is how the row's buttons name it ("Move <name> up"). */
    moving(name: string, by: -1 | 1) {
      const [pressed, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
      pending.current = { labels: [`Move ${name} ${pressed}`, `Move ${name} ${other}`], before: list };
    },
  };
}

/** `ids` with the one at `id` moved by `by`; undefined when it cannot move that way. */
export function moved(ids: readonly string[], id: string, by: -1 | 1): string[] | undefined {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  const next = [...ids];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}
