/**
 * @module Whether an agent message uses the Markdown subset; written once in the shared client core,
 * which the console uses too.
 */
export { hasMarkup } from '@parley/shared/client-core';
