/**
 * @module Limits and timings both ends share. Zod-free, so the widget can import them without a schema library.
 */
export const MAX_MESSAGE_LENGTH = 5000;

/** While someone keeps typing, typing:start goes out again at most this often (a screen that missed it catches up). */
export const TYPING_REPEAT_MS = 2000;
/** Silence after which a typist counts as stopped: typing:stop goes out. */
export const TYPING_IDLE_MS = 3000;

/** First retry delay (resume, resend, reconnect); each failure in a row doubles it. */
export const RETRY_BASE_MS = 1000;
/** Ceiling for resends and resumes: a server that keeps failing is asked at most about twice a minute. */
export const RETRY_MAX_MS = 30_000;
/** Ceiling for reopening a dropped WebSocket (socket.io-client's default): reconnecting costs the server little. */
export const RECONNECT_MAX_MS = 5000;
