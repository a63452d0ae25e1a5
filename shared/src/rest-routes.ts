/**
 * @module Every JSON endpoint of the server in one table: method, path (express syntax, `:name` for
 * a path parameter) and the schemas of its params, query, request body and answer. The express
 * routers register and parse through it and the console's REST clients call through it, so a path
 * is written once. Probes (/healthz, /readyz, /metrics) and static files are not part of the API.
 */
import type { z } from 'zod';
import { AgentResponseSchema, LoginRequestSchema, SiteKeyParamsSchema } from './rest.ts';
import { WidgetConfigSchema } from './widget-config.ts';
import { EmailStatusSchema, InboundEmailResultSchema } from './tickets.ts';
import {
  AgentAdminResponseSchema,
  AgentIdParamsSchema,
  AgentListResponseSchema,
  CreateAgentRequestSchema,
  CreateSiteRequestSchema,
  ResetPasswordRequestSchema,
  SiteAdminResponseSchema,
  SiteIdParamsSchema,
  SiteListResponseSchema,
  UpdateAgentRequestSchema,
  UpdateSiteRequestSchema,
} from './admin.ts';
import {
  ProactiveRuleListResponseSchema,
  ProactiveRuleParamsSchema,
  ProactiveRuleRequestSchema,
  ProactiveRuleResponseSchema,
  ReorderRulesRequestSchema,
  SetRuleEnabledRequestSchema,
} from './proactive-rule-admin.ts';
import {
  AgentsNowResponseSchema,
  ReportCsvQuerySchema,
  ReportQuerySchema,
  ReportResponseSchema,
  VisitorIdParamsSchema,
} from './reports.ts';
import {
  CannedResponseIdParamsSchema,
  CannedResponseListSchema,
  CannedResponseRequestSchema,
  CannedResponseResponseSchema,
} from './canned-responses.ts';
import {
  AgentUploadParamsSchema,
  AttachmentIdParamsSchema,
  AttachmentLinkResponseSchema,
  FileDownloadQuerySchema,
  UploadResponseSchema,
  VisitorAttachmentParamsSchema,
  VisitorUploadParamsSchema,
} from './attachments.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** The path's `:name` parameters. */
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** The JSON body: checked by the console before it leaves, parsed by the server. */
  readonly request?: z.ZodType;
  /** The JSON answer on success; absent when there is none (204) or it is not JSON (CSV, the data export). */
  readonly response?: z.ZodType;
}

/** The same four routes for the shared canned responses (admins) and each agent's own. */
function cannedRoutes<B extends string>(base: B) {
  return {
    list: { method: 'GET', path: base, response: CannedResponseListSchema },
    create: {
      method: 'POST',
      path: base,
      request: CannedResponseRequestSchema,
      response: CannedResponseResponseSchema,
    },
    update: {
      method: 'PATCH',
      path: `${base}/:cannedResponseId`,
      params: CannedResponseIdParamsSchema,
      request: CannedResponseRequestSchema,
      response: CannedResponseResponseSchema,
    },
    delete: { method: 'DELETE', path: `${base}/:cannedResponseId`, params: CannedResponseIdParamsSchema },
  } as const satisfies Record<string, RestRoute>;
}

export const restRoutes = {
  auth: {
    login: { method: 'POST', path: '/api/auth/login', request: LoginRequestSchema, response: AgentResponseSchema },
    me: { method: 'GET', path: '/api/auth/me', response: AgentResponseSchema },
    logout: { method: 'POST', path: '/api/auth/logout' },
  },
  widget: {
    /** Public, fetched cross-origin by the widget on the site's pages. */
    config: {
      method: 'GET',
      path: '/api/widget/config/:siteKey',
      params: SiteKeyParamsSchema,
      response: WidgetConfigSchema,
    },
  },
  email: {
    status: { method: 'GET', path: '/api/email/status', response: EmailStatusSchema },
    /** The raw MIME message as the body, authenticated with INBOUND_EMAIL_SECRET. */
    inbound: { method: 'POST', path: '/api/inbound/email', response: InboundEmailResultSchema },
  },
  /** Every agent's own canned responses, with the shared ones listed too. */
  cannedResponses: cannedRoutes('/api/canned-responses'),
  // Everything under /api/admin is behind the admin role check (server/src/http/admin-router.ts).
  sharedCannedResponses: cannedRoutes('/api/admin/canned-responses'),
  agents: {
    list: { method: 'GET', path: '/api/admin/agents', response: AgentListResponseSchema },
    create: {
      method: 'POST',
      path: '/api/admin/agents',
      request: CreateAgentRequestSchema,
      response: AgentAdminResponseSchema,
    },
    update: {
      method: 'PATCH',
      path: '/api/admin/agents/:agentId',
      params: AgentIdParamsSchema,
      request: UpdateAgentRequestSchema,
      response: AgentAdminResponseSchema,
    },
    deactivate: {
      method: 'POST',
      path: '/api/admin/agents/:agentId/deactivate',
      params: AgentIdParamsSchema,
      response: AgentAdminResponseSchema,
    },
    reactivate: {
      method: 'POST',
      path: '/api/admin/agents/:agentId/reactivate',
      params: AgentIdParamsSchema,
      response: AgentAdminResponseSchema,
    },
    resetPassword: {
      method: 'POST',
      path: '/api/admin/agents/:agentId/password',
      params: AgentIdParamsSchema,
      request: ResetPasswordRequestSchema,
      response: AgentAdminResponseSchema,
    },
  },
  sites: {
    list: { method: 'GET', path: '/api/admin/sites', response: SiteListResponseSchema },
    create: {
      method: 'POST',
      path: '/api/admin/sites',
      request: CreateSiteRequestSchema,
      response: SiteAdminResponseSchema,
    },
    update: {
      method: 'PATCH',
      path: '/api/admin/sites/:siteId',
      params: SiteIdParamsSchema,
      request: UpdateSiteRequestSchema,
      response: SiteAdminResponseSchema,
    },
    regenerateIdentitySecret: {
      method: 'POST',
      path: '/api/admin/sites/:siteId/identity-secret',
      params: SiteIdParamsSchema,
      response: SiteAdminResponseSchema,
    },
  },
  rules: {
    list: {
      method: 'GET',
      path: '/api/admin/sites/:siteId/rules',
      params: SiteIdParamsSchema,
      response: ProactiveRuleListResponseSchema,
    },
    create: {
      method: 'POST',
      path: '/api/admin/sites/:siteId/rules',
      params: SiteIdParamsSchema,
      request: ProactiveRuleRequestSchema,
      response: ProactiveRuleResponseSchema,
    },
    /** Its own path, so no rule id can be mistaken for it. */
    reorder: {
      method: 'PUT',
      path: '/api/admin/sites/:siteId/rule-order',
      params: SiteIdParamsSchema,
      request: ReorderRulesRequestSchema,
      response: ProactiveRuleListResponseSchema,
    },
    replace: {
      method: 'PUT',
      path: '/api/admin/sites/:siteId/rules/:ruleId',
      params: ProactiveRuleParamsSchema,
      request: ProactiveRuleRequestSchema,
      response: ProactiveRuleResponseSchema,
    },
    setEnabled: {
      method: 'PATCH',
      path: '/api/admin/sites/:siteId/rules/:ruleId',
      params: ProactiveRuleParamsSchema,
      request: SetRuleEnabledRequestSchema,
      response: ProactiveRuleResponseSchema,
    },
    delete: { method: 'DELETE', path: '/api/admin/sites/:siteId/rules/:ruleId', params: ProactiveRuleParamsSchema },
  },
  reports: {
    report: { method: 'GET', path: '/api/admin/reports', query: ReportQuerySchema, response: ReportResponseSchema },
    /** A download: the browser follows a plain link with the session cookie. */
    csv: { method: 'GET', path: '/api/admin/reports.csv', query: ReportCsvQuerySchema },
    agentsNow: { method: 'GET', path: '/api/admin/agents-now', response: AgentsNowResponseSchema },
  },
  /**
   * Uploads are multipart/form-data with one `file` part (no JSON body); the visitor's carry the
   * visitor token in the x-parley-visitor-token header, the agent's the session cookie.
   */
  attachments: {
    visitorUpload: {
      method: 'POST',
      path: '/api/widget/:siteKey/attachments',
      params: VisitorUploadParamsSchema,
      response: UploadResponseSchema,
    },
    agentUpload: {
      method: 'POST',
      path: '/api/conversations/:conversationId/attachments',
      params: AgentUploadParamsSchema,
      response: UploadResponseSchema,
    },
    visitorLink: {
      method: 'GET',
      path: '/api/widget/:siteKey/attachments/:attachmentId/link',
      params: VisitorAttachmentParamsSchema,
      response: AttachmentLinkResponseSchema,
    },
    agentLink: {
      method: 'GET',
      path: '/api/attachments/:attachmentId/link',
      params: AttachmentIdParamsSchema,
      response: AttachmentLinkResponseSchema,
    },
    /** The signed download itself: the bytes, never JSON. */
    download: {
      method: 'GET',
      path: '/api/files/:attachmentId',
      params: AttachmentIdParamsSchema,
      query: FileDownloadQuerySchema,
    },
  },
  privacy: {
    exportVisitor: { method: 'GET', path: '/api/admin/visitors/:visitorId/data', params: VisitorIdParamsSchema },
    deleteVisitor: { method: 'DELETE', path: '/api/admin/visitors/:visitorId/data', params: VisitorIdParamsSchema },
  },
} as const satisfies Record<string, Record<string, RestRoute>>;

/** The `:name`s of a path: '/api/admin/sites/:siteId/rules/:ruleId' → 'siteId' | 'ruleId'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What fills a route's path: nothing for a path without parameters. */
export type PathArgs<P extends string> = [PathParamNames<P>] extends [never] ? [] : [Record<PathParamNames<P>, string>];

/** The route's path with each `:name` replaced by its value, URL-encoded. */
export function pathTo<P extends string>(route: { readonly path: P }, ...[params]: PathArgs<P>): string {
  return fillPath(route.path, params ?? {});
}

/** pathTo for a path whose names are known only when it runs (a client's generic call). */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}
