/**
 * @module The Markdown agents may write, rendered to HTML for the sanitizer; written once in the
 * shared client core, so the console shows agent messages exactly as the visitor sees them.
 */
export { renderMarkdown } from '@parley/shared/client-core';
