/**
 * @module Moving the focus on the visitor's behalf, never away from the host page: only when it is
 * in the widget already or nowhere (on <body>, after the control that had it went away).
 */
export function focusIfIdle(element: HTMLElement | null | undefined): void {
  if (!element) return;
  const active = element.ownerDocument.activeElement;
  const elsewhere = active && active !== element.ownerDocument.body && !active.shadowRoot?.contains(element);
  if (!elsewhere) element.focus();
}
