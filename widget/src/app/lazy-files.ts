/**
 * @module files-in-chat: the attachments chunk (attachments/attachment-ui.tsx), fetched the first time
 * the visitor attaches, drops or pastes a file, or a message with files is in the thread.
 */
import { lazyChunk } from './lazy-chunk.ts';

export const { load: loadFiles, use: useFiles } = lazyChunk(() => import('../attachments/attachment-ui.tsx'));
