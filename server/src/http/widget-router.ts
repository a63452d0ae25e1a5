/**
 * @module The public widget config, fetched cross-origin by the widget on site owners' pages.
 */
import { Router } from 'express';
import { compactWidgetConfig, restRoutes, type AttachmentSettings, type WidgetConfig } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { isWithinBusinessHours } from '../domain/business-hours.ts';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { ProactiveRules } from '../domain/proactive-rules.ts';
import type { HelpReader } from '../domain/help-center/help-reader.ts';
import { handle } from './rest-route.ts';

/** Faces in the widget header: a few say "real people answer"; more would crowd it. */
const TEAM_SHOWN = 5;

export function widgetRouter(store: Store, rules: ProactiveRules, help: HelpReader): Router {
  const router = Router();

  handle(router, restRoutes.widget.config, async ({ params: { siteKey } }, req, res) => {
    const site = await store.sites.findByKey(siteKey);
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    // Only the site's own pages may read its config from a browser.
    if (site && origin && site.allowedOrigins.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
    const config: WidgetConfig = {
      siteKey: site.siteKey,
      siteName: site.name,
      color: site.color,
      position: site.position,
      theme: site.theme,
      greeting: site.greeting,
      locale: site.locale,
      preChat: site.preChat,
      team: await store.agents.team(TEAM_SHOWN),
      identityVerificationRequired: site.identityVerificationRequired,
      withinBusinessHours: isWithinBusinessHours(site.businessHours, new Date()),
      proactiveRules: await rules.forWidget(site),
      ...uploadsOf(site.attachments),
      help: await help.widgetMode(site),
    };
    // no `public`: a response to a request without credentials may be cached by shared caches anyway
    res.setHeader('Cache-Control', 'max-age=60');
    // express adds a weak ETag of the body and answers If-None-Match with 304 (app's `etag` setting)
    return compactWidgetConfig(config);
  });

  return router;
}

/** files-in-chat: what the widget needs of the site's upload settings to show its attach button. */
function uploadsOf(settings: AttachmentSettings): Pick<WidgetConfig, 'uploads'> {
  if (!settings.visitorUploads) return {};
  return { uploads: settings.visitorUploadsAfterAgentReply ? 'reply' : 'on' };
}
