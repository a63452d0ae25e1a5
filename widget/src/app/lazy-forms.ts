/**
 * @module Fetches the forms chunk (forms.ts) the first time a form is due, and draws it as soon as
 * it is in; until then the panel shows its header and the conversation. A chunk that fails to load
 * (offline) is asked for again on the next render that needs it.
 */
import { useEffect, useState } from 'preact/hooks';
import type * as Forms from './forms.ts';

let forms: typeof Forms | null = null;
/** The widgets' shadow roots (one per mount), which get the forms' styles with the chunk. */
const shadowRoots = new Set<ShadowRoot>();

/** Adds the forms' stylesheet to `root` beside the widget's own (mount.ts's adoptStyles). */
function adopt(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}

/** Registers a widget's shadow root for the forms' styles (at once, if they are in already). */
export function formsStyledIn(root: ShadowRoot): void {
  if (shadowRoots.has(root)) return;
  shadowRoots.add(root);
  if (forms) adopt(root, forms.css);
}
let loading: Promise<typeof Forms> | null = null;

export function loadForms(): Promise<typeof Forms> {
  loading ??= import('./forms.ts').then(
    (module) => {
      for (const root of shadowRoots) adopt(root, module.css);
      return (forms = module);
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The forms, or null while they load; `needed`: whether the panel shows one now. */
export function useForms(needed: boolean): typeof Forms | null {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (needed && !forms)
      loadForms().then(
        () => loaded((n) => n + 1),
        () => {},
      );
  }, [needed]);
  return forms;
}
