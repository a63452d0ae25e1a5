/**
 * @module Fetches the forms chunk (forms.ts) the first time a form is due, and draws it as soon as
 * it is in; until then the panel shows its header and the conversation. A chunk that fails to load
 * (offline) is asked for again on the next render that needs it (lazy-chunk.ts).
 */
import type * as Forms from './forms.ts';
import { adopt } from './adopt-styles.ts';
import { lazyChunk } from './lazy-chunk.ts';

let forms: typeof Forms | null = null;
/** The widgets' shadow roots (one per mount), which get the forms' styles with the chunk. */
const shadowRoots = new Set<ShadowRoot>();

/** Registers a widget's shadow root for the forms' styles (at once, if they are in already). */
export function formsStyledIn(root: ShadowRoot): void {
  if (shadowRoots.has(root)) return;
  shadowRoots.add(root);
  if (forms) adopt(root, forms.css);
}

/** loadForms(); useForms(needed): the forms, or null while they load; `needed`: whether the panel shows one now. */
export const { load: loadForms, use: useForms } = lazyChunk(
  () => import('./forms.ts'),
  (module) => {
    for (const root of shadowRoots) adopt(root, module.css);
    forms = module;
  },
);
