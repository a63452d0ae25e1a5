/**
 * @module Every route of the public REST API v1 (issue 21) in one table: method, path, schemas (as
 * in rest-routes.ts), the token scope it needs, and what the OpenAPI document says of it. The
 * server registers each route from here and the OpenAPI document is generated from here, so a
 * route cannot exist without being documented.
 */
import type { z } from 'zod';
import type { ApiScope } from './api-tokens.ts';
import type { RestRoute } from './rest-routes.ts';
import {
  ApiActingAgentRequestSchema,
  ApiAgentIdParamsSchema,
  ApiAgentListResponseSchema,
  ApiAgentStatusRequestSchema,
  ApiAgentStatusResponseSchema,
  ApiAssignRequestSchema,
  ApiConvertToTicketRequestSchema,
  ApiIdentifyVisitorRequestSchema,
  ApiMessageResponseSchema,
  ApiSendMessageRequestSchema,
  ApiSiteListResponseSchema,
  ApiSiteResponseSchema,
  ApiTicketListQuerySchema,
  ApiTicketResponseSchema,
  ApiTicketStatusRequestSchema,
  ApiTransferRequestSchema,
  ApiUpdateVisitorRequestSchema,
  ApiVisitorResponseSchema,
  ConversationIdParamsSchema,
  ConversationListQuerySchema,
  ConversationListResponseSchema,
  ConversationResponseSchema,
  MessageListQuerySchema,
  MessageListResponseSchema,
} from './api-v1.ts';
import { SiteIdParamsSchema, UpdateSiteRequestSchema } from './admin.ts';
import { ReportQuerySchema, ReportResponseSchema, VisitorIdParamsSchema } from './reports.ts';
import { TicketDetailSchema, TicketListResultSchema } from './tickets.ts';
import {
  HelpArticleListQuerySchema,
  HelpArticleListResponseSchema,
  HelpArticleParamsSchema,
  HelpArticleResponseSchema,
} from './help-payloads.ts';
import { ApiHandoffRequestSchema, ApiResolveRequestSchema } from './external-bot.ts';

export interface ApiRoute extends RestRoute {
  /** The scope a token needs: read for GET, write for changes, admin for site settings. */
  readonly scope: ApiScope;
  /** One line for the reference; the OpenAPI operation's summary. */
  readonly summary: string;
  /** The group it is listed under (OpenAPI tag). */
  readonly tag: 'Conversations' | 'Visitors' | 'Tickets' | 'Agents' | 'Sites' | 'Reports' | 'Help center';
  /** The success status; 200 unless said. */
  readonly status?: 200 | 201;
  /** An external bot's token may call it, on the conversations its bot holds (docs/answer-bot.md). */
  readonly bot?: true;
}

const ConversationPath = '/api/v1/conversations/:conversationId';
function conversationAction<S extends z.ZodType>(action: string, summary: string, request: S) {
  return {
    method: 'POST',
    path: `${ConversationPath}/${action}`,
    params: ConversationIdParamsSchema,
    request,
    response: ConversationResponseSchema,
    scope: 'write',
    summary,
    tag: 'Conversations',
  } as const;
}

export const apiV1Routes = {
  conversations: {
    list: {
      method: 'GET',
      path: '/api/v1/conversations',
      query: ConversationListQuerySchema,
      response: ConversationListResponseSchema,
      scope: 'read',
      summary: 'List conversations, newest first, filtered and a page at a time',
      tag: 'Conversations',
    },
    get: {
      method: 'GET',
      path: ConversationPath,
      params: ConversationIdParamsSchema,
      response: ConversationResponseSchema,
      scope: 'read',
      summary: 'Get a conversation',
      tag: 'Conversations',
      bot: true,
    },
    messages: {
      method: 'GET',
      path: `${ConversationPath}/messages`,
      params: ConversationIdParamsSchema,
      query: MessageListQuerySchema,
      response: MessageListResponseSchema,
      scope: 'read',
      summary: 'List the messages of a conversation in order',
      tag: 'Conversations',
      bot: true,
    },
    send: {
      method: 'POST',
      path: `${ConversationPath}/messages`,
      params: ConversationIdParamsSchema,
      request: ApiSendMessageRequestSchema,
      response: ApiMessageResponseSchema,
      scope: 'write',
      summary: 'Send a message as an agent or the bot (the visitor sees it live)',
      tag: 'Conversations',
      status: 201,
      bot: true,
    },
    handoff: {
      ...conversationAction(
        'handoff',
        "Hand a conversation the bot holds to people (the bot's handoff)",
        ApiHandoffRequestSchema,
      ),
      bot: true,
    },
    resolve: {
      ...conversationAction(
        'resolve',
        'End a conversation the bot holds, resolved by the bot',
        ApiResolveRequestSchema,
      ),
      bot: true,
    },
    assign: conversationAction('assign', 'Assign a waiting conversation to an agent', ApiAssignRequestSchema),
    transfer: conversationAction(
      'transfer',
      'Transfer an active conversation to another agent',
      ApiTransferRequestSchema,
    ),
    close: conversationAction('close', 'Close a conversation', ApiActingAgentRequestSchema),
    reopen: conversationAction('reopen', 'Reopen a closed conversation with its agent', ApiActingAgentRequestSchema),
    convertToTicket: {
      method: 'POST',
      path: `${ConversationPath}/ticket`,
      params: ConversationIdParamsSchema,
      request: ApiConvertToTicketRequestSchema,
      response: ApiTicketResponseSchema,
      scope: 'write',
      summary: 'Turn a conversation into an email ticket',
      tag: 'Conversations',
    },
  },
  visitors: {
    get: {
      method: 'GET',
      path: '/api/v1/visitors/:visitorId',
      params: VisitorIdParamsSchema,
      response: ApiVisitorResponseSchema,
      scope: 'read',
      summary: 'Get a visitor: profile, attributes, pages, earlier conversations',
      tag: 'Visitors',
    },
    update: {
      method: 'PATCH',
      path: '/api/v1/visitors/:visitorId',
      params: VisitorIdParamsSchema,
      request: ApiUpdateVisitorRequestSchema,
      response: ApiVisitorResponseSchema,
      scope: 'write',
      summary: "Update a visitor's name, email or attributes",
      tag: 'Visitors',
    },
    identify: {
      method: 'POST',
      path: '/api/v1/visitors/:visitorId/identify',
      params: VisitorIdParamsSchema,
      request: ApiIdentifyVisitorRequestSchema,
      response: ApiVisitorResponseSchema,
      scope: 'write',
      summary: 'Identify a visitor as a user of your app (verified)',
      tag: 'Visitors',
    },
  },
  tickets: {
    list: {
      method: 'GET',
      path: '/api/v1/tickets',
      query: ApiTicketListQuerySchema,
      response: TicketListResultSchema,
      scope: 'read',
      summary: 'List tickets, latest activity first',
      tag: 'Tickets',
    },
    get: {
      method: 'GET',
      path: '/api/v1/tickets/:conversationId',
      params: ConversationIdParamsSchema,
      response: TicketDetailSchema,
      scope: 'read',
      summary: 'Get a ticket with its messages and notes',
      tag: 'Tickets',
    },
    setStatus: {
      method: 'POST',
      path: '/api/v1/tickets/:conversationId/status',
      params: ConversationIdParamsSchema,
      request: ApiTicketStatusRequestSchema,
      response: ApiTicketResponseSchema,
      scope: 'write',
      summary: "Set a ticket's status (open, pending, solved)",
      tag: 'Tickets',
    },
  },
  agents: {
    list: {
      method: 'GET',
      path: '/api/v1/agents',
      response: ApiAgentListResponseSchema,
      scope: 'read',
      summary: 'List agents with their status',
      tag: 'Agents',
    },
    setStatus: {
      method: 'PUT',
      path: '/api/v1/agents/:agentId/status',
      params: ApiAgentIdParamsSchema,
      request: ApiAgentStatusRequestSchema,
      response: ApiAgentStatusResponseSchema,
      scope: 'write',
      summary: "Set an agent's status (online, away, offline)",
      tag: 'Agents',
    },
  },
  sites: {
    list: {
      method: 'GET',
      path: '/api/v1/sites',
      response: ApiSiteListResponseSchema,
      scope: 'read',
      summary: 'List the sites this token may see',
      tag: 'Sites',
    },
    get: {
      method: 'GET',
      path: '/api/v1/sites/:siteId',
      params: SiteIdParamsSchema,
      response: ApiSiteResponseSchema,
      scope: 'read',
      summary: 'Get a site',
      tag: 'Sites',
    },
    update: {
      method: 'PATCH',
      path: '/api/v1/sites/:siteId',
      params: SiteIdParamsSchema,
      request: UpdateSiteRequestSchema,
      response: ApiSiteResponseSchema,
      scope: 'admin',
      summary: "Change a site's settings (admin scope)",
      tag: 'Sites',
    },
  },
  reports: {
    report: {
      method: 'GET',
      path: '/api/v1/reports',
      query: ReportQuerySchema,
      response: ReportResponseSchema,
      scope: 'read',
      summary: 'The report of a date range (a site-limited token must name its site)',
      tag: 'Reports',
    },
  },
  help: {
    articles: {
      method: 'GET',
      path: '/api/v1/sites/:siteId/help/articles',
      params: SiteIdParamsSchema,
      query: HelpArticleListQuerySchema,
      response: HelpArticleListResponseSchema,
      scope: 'read',
      summary: "List a site's help-center articles",
      tag: 'Help center',
    },
    article: {
      method: 'GET',
      path: '/api/v1/sites/:siteId/help/articles/:articleId',
      params: HelpArticleParamsSchema,
      response: HelpArticleResponseSchema,
      scope: 'read',
      summary: 'Get a help-center article with its translations',
      tag: 'Help center',
    },
  },
} as const satisfies Record<string, Record<string, ApiRoute>>;

/** Every route, flat: what the server registers and the OpenAPI document lists. */
export const allApiV1Routes: readonly ApiRoute[] = Object.values(apiV1Routes).flatMap(
  (group: Record<string, ApiRoute>) => Object.values(group),
);
