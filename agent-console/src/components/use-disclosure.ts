/**
 * @module A button that shows and hides a panel of its own (the agent's menu, the Admin menu): the
 * WAI-ARIA disclosure pattern, not an ARIA menu, so the panel holds ordinary controls reached with
 * Tab. Escape closes it and puts the focus back on its button; a pointer pressed outside closes it.
 */
import type { JSX, RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface Disclosure {
  open: boolean;
  /** The panel's id, for the button's aria-controls. */
  panelId: string;
  /** On the element holding the button and the panel: a press outside it closes the panel. */
  root: RefObject<HTMLDivElement>;
  /** On the button: where Escape puts the focus back. */
  toggle: RefObject<HTMLButtonElement>;
  setOpen: (open: boolean) => void;
  /** Closes the panel; `refocus`: the focus goes back to the button (it was in the panel, about to vanish). */
  close: (refocus: boolean) => void;
  /** The root's keydown handler: Escape closes. */
  onKeyDown: (event: JSX.TargetedKeyboardEvent<HTMLElement>) => void;
}

export function useDisclosure(): Disclosure {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: Event): void => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };
  return {
    open,
    panelId,
    root,
    toggle,
    setOpen,
    close,
    onKeyDown(event) {
      if (event.key === 'Escape' && open) {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      }
    },
  };
}
