/**
 * @module The external bot routes of the fake admin server (bot-external): one bot per site, the
 * credentials answered on registration and rotation only, as the server contract says.
 */
import { RegisterExternalBotRequestSchema, describeIssues, summarizeIssues, type ExternalBot } from '@parley/shared';
import { iso } from './fixtures.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class FakeExternalBots {
  readonly bots = new Map<string, ExternalBot>();
  private issued = 0;

  /** The answer to an external bot route, or undefined for any other route. */
  answer(method: string, path: string, body: unknown): Response | undefined {
    const m = /^\/api\/admin\/sites\/([^/]+)\/bot\/external(\/rotate)?$/.exec(path);
    if (!m) return undefined;
    const siteId = m[1] ?? '';
    const current = this.bots.get(siteId) ?? null;
    if (method === 'GET' && !m[2]) return json(200, { externalBot: current });
    if (method === 'DELETE' && !m[2]) {
      this.bots.delete(siteId);
      return json(200, { externalBot: null });
    }
    if (method === 'POST' && m[2]) {
      if (!current) return json(404, { error: { code: 'not_found', message: 'External bot not found' } });
      return this.issue(siteId, current.url, current);
    }
    if (method === 'PUT' && !m[2]) {
      const parsed = RegisterExternalBotRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        return json(400, { error: { code: 'invalid_payload', message: summarizeIssues(issues), issues } });
      }
      if (!current) return this.issue(siteId, parsed.data.url, undefined);
      const moved = { ...current, url: parsed.data.url };
      this.bots.set(siteId, moved);
      return json(200, { externalBot: moved, credentials: null });
    }
    return undefined;
  }

  private issue(siteId: string, url: string, existing: ExternalBot | undefined): Response {
    const n = ++this.issued;
    const secret = `whsec_secret${n}abcd`;
    const token = `parley_token${n}xyz`;
    const bot: ExternalBot = {
      siteId,
      url,
      secretHint: secret.slice(-4),
      tokenId: `tok-${n}`,
      tokenPrefix: token.slice(0, 13),
      createdAt: existing?.createdAt ?? iso(n),
      updatedAt: iso(n),
    };
    this.bots.set(siteId, bot);
    return json(200, { externalBot: bot, credentials: { secret, token } });
  }
}
