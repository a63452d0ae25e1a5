/**
 * @module Limits both ends enforce. Zod-free, so the widget can import them without a schema library.
 */
export const MAX_MESSAGE_LENGTH = 5000;
