/**
 * @module Deflection, decided from what was recorded: a pure function, so the definition below is the
 * whole truth and both storage engines give the same numbers.
 *
 * - An exposure: the widget showed a visitor suggested articles (`shown`) or the visitor opened one
 *   (`view`). Public pages and agents' reads carry no visitor and are not exposures.
 * - A visitor (per site) with exposures in the range is **chatted** when they started a conversation
 *   (a chat or an offline message) at or after one of those exposures and at most
 *   DEFLECTION_WINDOW_MINUTES after it;
 * - otherwise **pending** while the window of any of their exposures is still open at `now` (they may
 *   yet write), and **deflected** once every window has closed without a chat.
 * - rate = deflected / (deflected + chatted); pending visitors are in neither until decided.
 * - Per article: the deflected visitors who were shown or opened it (each counted once per article).
 */
import { DEFLECTION_WINDOW_MINUTES, type HelpDeflection } from '@parley/shared';
import type { ChatStart, HelpExposure } from '../../store/help-report-store.ts';

export const DEFLECTION_WINDOW_MS = DEFLECTION_WINDOW_MINUTES * 60_000;

export interface DeflectionResult {
  totals: HelpDeflection;
  /** Deflected visitors per article id. */
  deflectedPerArticle: Map<string, number>;
}

const visitorKey = (siteId: string, visitorId: string) => `${siteId}\u0000${visitorId}`;

export function decideDeflection(exposures: HelpExposure[], chats: ChatStart[], now: Date): DeflectionResult {
  const chatTimes = new Map<string, number[]>();
  for (const chat of chats) {
    const key = visitorKey(chat.siteId, chat.visitorId);
    const times = chatTimes.get(key);
    if (times) times.push(Date.parse(chat.at));
    else chatTimes.set(key, [Date.parse(chat.at)]);
  }
  const visitors = new Map<string, { times: number[]; articles: Set<string> }>();
  for (const exposure of exposures) {
    const key = visitorKey(exposure.siteId, exposure.visitorId);
    let visitor = visitors.get(key);
    if (!visitor) {
      visitor = { times: [], articles: new Set() };
      visitors.set(key, visitor);
    }
    visitor.times.push(Date.parse(exposure.at));
    if (exposure.articleId !== null) visitor.articles.add(exposure.articleId);
  }

  const nowMs = now.getTime();
  let deflected = 0;
  let chatted = 0;
  let pending = 0;
  const deflectedPerArticle = new Map<string, number>();
  for (const [key, visitor] of visitors) {
    const starts = chatTimes.get(key) ?? [];
    const startedChat = visitor.times.some((t) => starts.some((c) => c >= t && c <= t + DEFLECTION_WINDOW_MS));
    if (startedChat) {
      chatted += 1;
    } else if (visitor.times.some((t) => t + DEFLECTION_WINDOW_MS >= nowMs)) {
      pending += 1;
    } else {
      deflected += 1;
      for (const articleId of visitor.articles) {
        deflectedPerArticle.set(articleId, (deflectedPerArticle.get(articleId) ?? 0) + 1);
      }
    }
  }
  const decided = deflected + chatted;
  return {
    totals: { visitors: decided, deflected, chatted, pending, rate: decided === 0 ? null : deflected / decided },
    deflectedPerArticle,
  };
}
