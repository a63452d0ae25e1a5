/**
 * @module Error codes every Parley ack, REST error body and handshake rejection uses.
 * Kept free of zod so the widget can import it without pulling a schema library into its bundle.
 */
export const ErrorCode = {
  InvalidPayload: 'invalid_payload',
  /** Over a size limit (HTTP 413): sending it again as it is cannot succeed. */
  PayloadTooLarge: 'payload_too_large',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  UnknownSite: 'unknown_site',
  OriginNotAllowed: 'origin_not_allowed',
  ConversationClosed: 'conversation_closed',
  RateLimited: 'rate_limited',
  /** Not possible now; on the visitor's message:send: outside business hours, no live chat starts (offline:message does). */
  Unavailable: 'unavailable',
  Internal: 'internal',
  /** An upload over the site's maximum size (HTTP 413). */
  FileTooLarge: 'file_too_large',
  /** An upload whose content (not its name) is of a type the site does not accept (HTTP 415). */
  FileTypeNotAllowed: 'file_type_not_allowed',
  /** Uploads are off for this visitor now: the site does not allow them, or no agent has answered yet (HTTP 403). */
  UploadsNotAllowed: 'uploads_not_allowed',
  /**
   * files-in-chat: a message named an attachment it cannot carry (another conversation's or sender's
   * upload, one already sent in another message, or one that is gone). Nothing was stored.
   */
  AttachmentNotLinkable: 'attachment_not_linkable',
  // malware scan (ClamAV, when the operator configures it)
  /** The malware scanner found something in the upload; it was not kept (HTTP 422). */
  FileInfected: 'file_infected',
  /** The malware scanner is configured but could not check the file, so it was refused (HTTP 503). */
  ScanUnavailable: 'scan_unavailable',
  // rich messages: an answer that does not fit the offer it names, or an offer answered before
  /** A quick-reply choice or form answer the offer does not accept (no such option, a field's rule broken). */
  InvalidAnswer: 'invalid_answer',
  /** The quick replies or form were answered already; the answer stands (the visitor message holding it). */
  AlreadyAnswered: 'already_answered',
  // message edits (message-edits.ts)
  /** Editing or deleting a message someone else wrote. */
  NotYourMessage: 'not_your_message',
  /** A visitor's edit or delete after the site's edit window (MESSAGE_EDIT_WINDOW_SECONDS). */
  EditWindowPassed: 'edit_window_passed',
  /** Editing (or quoting) a message that was deleted. */
  MessageDeleted: 'message_deleted',
  // outbound webhooks (issue 21)
  /** A webhook URL that reaches the server's own network (loopback, private, link-local…) and no operator allowed. */
  UrlNotAllowed: 'url_not_allowed',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Present on invalid_payload: where the payload is wrong. */
  issues?: Array<{ path: string; message: string }>;
  /**
   * Present on rate_limited when the server knows: milliseconds until the same request may
   * succeed. REST answers also carry it as a `Retry-After` header (seconds).
   */
  retryAfterMs?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** Name of the httpOnly cookie carrying an agent's session. */
export const SESSION_COOKIE = 'parley_session';
