/**
 * @module Adds a stylesheet to a widget's shadow root, beside those it has: the widget's own
 * (mount.ts) and the forms' when their chunk arrives (lazy-forms.ts).
 */
export function adopt(root: ShadowRoot, css: string): void {
  // a constructed sheet is not inline style, so it works under a CSP without 'unsafe-inline'
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // browsers before constructable stylesheets (Safari < 16.4): a <style> element, which needs a lax CSP
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
