/**
 * @module files-in-chat: signed links to a message's files for this visitor. The server gives them
 * for five minutes; they are kept a little less and asked for again after.
 */
import type { ChatClient } from '../client/chat-client.ts';

export interface Links {
  url: string;
  thumbnailUrl: string | null;
}

/** VISITOR_TOKEN_HEADER of @parley/shared, whose module brings zod along: the widget does without. */
export const TOKEN_HEADER = 'x-parley-visitor-token';
const MARGIN_MS = 30_000;
const cache = new Map<string, { links: Promise<Links>; until: number }>();

/** A fresh enough signed link to this attachment and its thumbnail. */
export function linksFor(client: ChatClient, attachmentId: string): Promise<Links> {
  const held = cache.get(attachmentId);
  if (held && held.until > Date.now()) return held.links;
  const [uploads, token] = client.uploadTo();
  const links = fetch(`${uploads}/${encodeURIComponent(attachmentId)}/link`, {
    headers: token ? { [TOKEN_HEADER]: token } : {},
  }).then(async (res) => {
    if (!res.ok) throw new Error(`link ${res.status}`);
    const body = (await res.json()) as Links & { expiresAt: string };
    cache.set(attachmentId, { links, until: Date.parse(body.expiresAt) - MARGIN_MS });
    return body;
  });
  cache.set(attachmentId, { links, until: Date.now() + MARGIN_MS });
  links.catch(() => cache.delete(attachmentId));
  return links;
}
