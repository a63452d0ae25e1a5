/** Visitor panel and live list payloads as the server would send them, with what a test changes. */
import type { LiveVisitor, VisitorDetails } from '@parley/shared';
import { iso } from './fixtures.ts';

export function makeVisitorDetails(overrides: Partial<VisitorDetails> & { visitorId: string }): VisitorDetails {
  return {
    name: 'Grace',
    email: 'grace@example.com',
    verified: false,
    externalUserId: null,
    attributes: {},
    timeZone: null,
    online: true,
    onlineSince: iso(0),
    software: { browser: 'Firefox 121', os: 'Linux' },
    pages: [],
    referrer: null,
    previousConversations: [],
    ...overrides,
  };
}

export function makeLiveVisitor(overrides: Partial<LiveVisitor> & { visitorId: string }): LiveVisitor {
  return {
    siteId: 'site-1',
    name: null,
    currentPage: null,
    onlineSince: iso(0),
    chatting: false,
    software: { browser: 'Chrome 131', os: 'Windows' },
    ...overrides,
  };
}
