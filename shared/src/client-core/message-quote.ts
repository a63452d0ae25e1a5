/**
 * @module Quotes of messages (quoted reply, issue 19), written once for the server and both clients.
 * A client shows a reply's quote from its own copy of the original when it holds one: that copy
 * follows every edit and delete live, while the quote the reply arrived with is a snapshot.
 */

type AuthorKind = 'visitor' | 'agent' | 'system' | 'bot';

/** What quoting reads of a message (the wire's Message fits it). */
export interface Quotable {
  readonly id: string;
  readonly seq: number;
  readonly author: { readonly kind: AuthorKind; readonly name: string | null };
  readonly body: string;
  readonly deletedAt?: string | null | undefined;
}

/** The wire's MessageQuote, spelled without zod. */
export interface Quote {
  id: string;
  seq: number;
  author: { kind: AuthorKind; name: string | null };
  excerpt: string;
  deleted: boolean;
}

/** Longest excerpt of a quoted message carried on a reply. */
export const QUOTE_EXCERPT_LENGTH = 140;

/** The first words of a message, on one line. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= QUOTE_EXCERPT_LENGTH ? line : `${line.slice(0, QUOTE_EXCERPT_LENGTH - 1)}…`;
}

/** The quote of a message as it reads now; a deleted message's text is never carried. */
export function toQuote(original: Quotable): Quote {
  const deleted = Boolean(original.deletedAt);
  return {
    id: original.id,
    seq: original.seq,
    author: { kind: original.author.kind, name: original.author.name },
    excerpt: deleted ? '' : excerptOf(original.body),
    deleted,
  };
}

/** A reply's quote as it should show now: from the held original when there is one. */
export function currentQuote(held: readonly Quotable[], quote: Quote): Quote {
  const original = held.find((message) => message.id === quote.id);
  return original ? toQuote(original) : quote;
}
