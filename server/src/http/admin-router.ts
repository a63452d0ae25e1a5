/**
 * @module Everything under /api/admin: one router, one role check in front of all of it, so no
 * admin endpoint can be added without it. Also mounts the agents' own canned responses and their
 * reading of the help center (/api/help).
 */
import { Router } from 'express';
import type { AgentAuth } from '../domain/agent-auth.ts';
import type { AgentDirectory } from '../domain/agent-directory.ts';
import type { SiteAdmin } from '../domain/site-admin.ts';
import type { CannedResponses } from '../domain/canned-responses.ts';
import type { ProactiveRules } from '../domain/proactive-rules.ts';
import type { Reports } from '../domain/reports.ts';
import type { DataRetention } from '../domain/data-retention.ts';
import { requireAdmin, requireAgent } from './agent-session.ts';
import { adminAgentsRouter } from './admin-agents-router.ts';
import { adminSitesRouter } from './admin-sites-router.ts';
import { adminRulesRouter } from './admin-rules-router.ts';
import { personalCannedRouter, sharedCannedRouter } from './canned-responses-router.ts';
import { adminReportsRouter } from './admin-reports-router.ts';
import { adminPrivacyRouter } from './admin-privacy-router.ts';
import type { HelpCenter } from '../domain/help-center/help-center.ts';
import type { Store } from '../store/store.ts';
import { helpAdminRouter } from './help-center/help-admin-router.ts';
import { helpAgentRouter } from './help-center/help-agent-router.ts';
// answer bot (issue 22)
import { adminBotRouter } from './answer-bot/admin-bot-router.ts';
import { adminExternalBotRouter } from './answer-bot/admin-external-bot-router.ts';
import type { ExternalBotRegistry } from '../domain/answer-bot/external-bot-registry.ts';
import type { BotSettingsAdmin } from '../domain/answer-bot/bot-settings.ts';
import { botReportsRouter } from './answer-bot/bot-reports-router.ts';
import type { BotReports } from '../domain/answer-bot/bot-reports.ts';
// help-console: the editor's preview and picture uploads
import { helpEditorRouter } from './help-center/help-editor-router.ts';
import { helpShareRouter } from './help-center/help-share-router.ts';
import { helpReportsRouter } from './help-center/help-reports-router.ts';
import type { WebhookEndpoints } from '../domain/webhooks/webhook-endpoints.ts';
import { adminWebhooksRouter } from './admin-webhooks-router.ts';
// public API tokens (issue 21)
import type { ApiTokens } from '../domain/api-tokens.ts';
import { adminApiTokensRouter } from './admin-api-tokens-router.ts';

export interface ConsoleRoutesDeps {
  auth: AgentAuth;
  directory: AgentDirectory;
  sites: SiteAdmin;
  canned: CannedResponses;
  rules: ProactiveRules;
  reports: Reports;
  retention: DataRetention;
  helpCenter: HelpCenter;
  botSettings: BotSettingsAdmin;
  externalBots: ExternalBotRegistry;
  botReports: BotReports;
  /** Outbound webhooks (issue 21). */
  webhooks: WebhookEndpoints;
  /** Public API tokens (issue 21). */
  apiTokens: ApiTokens;
  store: Store;
  publicUrl: () => string;
  consoleOrigins: () => string[];
  // help-console: where the public help pages are, for the links agents insert
  helpCenterPath: string;
}

export function consoleApiRouter(deps: ConsoleRoutesDeps): Router {
  const signedIn = requireAgent(deps.auth, deps.consoleOrigins);

  const router = Router();
  // in front of every /api/admin path, known or not (the route table keeps admin pages' routes there)
  router.use('/api/admin', signedIn, requireAdmin);
  router.use(adminAgentsRouter(deps.directory));
  router.use(adminSitesRouter(deps.sites, deps.publicUrl));
  router.use(adminRulesRouter(deps.rules));
  router.use(sharedCannedRouter(deps.canned));
  router.use(adminReportsRouter(deps.reports));
  router.use(adminPrivacyRouter(deps.retention));
  // help-console: before helpAdminRouter, whose article writes it reads the bodies of
  router.use(helpEditorRouter(deps.helpCenter.images));
  router.use(helpAdminRouter(deps.helpCenter.articles, deps.helpCenter.bundles));
  router.use(adminBotRouter(deps.botSettings));
  router.use(adminExternalBotRouter(deps.externalBots));
  router.use(botReportsRouter(deps.botReports));
  router.use(helpReportsRouter(deps.helpCenter.reports));
  router.use(adminWebhooksRouter(deps.webhooks));
  router.use(adminApiTokensRouter(deps.apiTokens));

  router.use('/api/canned-responses', signedIn);
  router.use(personalCannedRouter(deps.canned));

  router.use('/api/help', signedIn);
  router.use(helpAgentRouter(deps.store, deps.helpCenter.articles, deps.helpCenter.reader));
  // help-console: an article as the composer's /kb inserts it
  router.use(
    helpShareRouter({
      store: deps.store,
      articles: deps.helpCenter.articles,
      publicUrl: deps.publicUrl,
      helpCenterPath: deps.helpCenterPath,
    }),
  );
  return router;
}
