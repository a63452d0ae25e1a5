/**
 * @module The console's pages and their URLs. The server serves the console at /console/ and answers
 * every path below it with index.html, so each page has a URL that survives a reload.
 */
export const ROUTES = {
  conversations: '/console/',
  tickets: '/console/tickets',
  cannedResponses: '/console/canned-responses',
  liveVisitors: '/console/visitors',
  agents: '/console/admin/agents',
  sites: '/console/admin/sites',
  rules: '/console/admin/rules',
  reports: '/console/admin/reports',
  agentsNow: '/console/admin/agents-now',
  // outbound webhooks (issue 21)
  webhooks: '/console/admin/webhooks',
  // help-console
  helpCenter: '/console/admin/help-center',
  // public API tokens (issue 21)
  apiTokens: '/console/admin/api-tokens',
} as const;
