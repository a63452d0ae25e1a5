/**
 * @module help-widget: the help chunk (help/help-ui.tsx), fetched when the site's config says it has a
 * help center: the help view and the suggestions above the message box.
 */
import { lazyChunk } from './lazy-chunk.ts';

export const { use: useHelp } = lazyChunk(() => import('../help/help-ui.tsx'));
