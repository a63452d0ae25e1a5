/**
 * @module Rows to records: the only place that knows how columns spell the wire shapes.
 */
import {
  ALWAYS_OPEN,
  DEFAULT_ATTACHMENT_SETTINGS,
  type AttachmentSettings,
  ConversationOriginSchema,
  type AgentRole,
  type AgentStatus,
  type AuthorKind,
  type BusinessHours,
  type Conversation,
  type ConversationStatus,
  type ConversationSummary,
  type Message,
  type Note,
} from '@parley/shared';
import type { AgentRecord } from '../agent-store.ts';
import { contentOf, offerOf } from './rich-content-column.ts';
import type { CannedResponseRecord } from '../canned-response-store.ts';
import type { PreChatSettings, SiteRecord } from '../site-store.ts';
import type { VisitorAttributes, VisitorRecord } from '../visitor-store.ts';
import type {
  AgentsTable,
  CannedResponsesTable,
  ConversationsTable,
  MessagesTable,
  NotesTable,
  SitesTable,
  VisitorsTable,
} from './schema.ts';

const NO_PRE_CHAT: PreChatSettings = { enabled: false, fields: [] };

/** JSON columns are written only by us; a value that does not parse is treated as absent, not fatal. */
function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toSite(row: SitesTable): SiteRecord {
  return {
    id: row.id,
    name: row.name,
    siteKey: row.site_key,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    color: row.color,
    greeting: row.greeting,
    position: row.position === 'left' ? 'left' : 'right',
    isDemo: Number(row.is_demo) === 1,
    createdAt: row.created_at,
    identitySecret: row.identity_secret ?? '',
    identityVerificationRequired: Number(row.identity_verification_required) === 1,
    locale: row.locale,
    preChat: parseJson(row.pre_chat, NO_PRE_CHAT),
    businessHours: parseJson<BusinessHours>(row.business_hours, ALWAYS_OPEN),
    routingMode: row.routing_mode === 'manual' ? 'manual' : 'automatic',
    queueMaxWaitSeconds: row.queue_max_wait_seconds === null ? null : Number(row.queue_max_wait_seconds),
    attachments:
      row.attachments === null
        ? DEFAULT_ATTACHMENT_SETTINGS
        : { ...DEFAULT_ATTACHMENT_SETTINGS, ...parseJson<Partial<AttachmentSettings>>(row.attachments, {}) },
    theme: row.theme === 'dark' || row.theme === 'auto' ? row.theme : 'light',
    helpMode: row.help_mode === 'help-first' || row.help_mode === 'articles-only' ? row.help_mode : 'chat',
  };
}

export function toAgent(row: AgentsTable): AgentRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as AgentRole,
    capacity: Number(row.capacity),
    passwordHash: row.password_hash,
    active: Number(row.active) === 1,
    createdAt: row.created_at,
    status: toAgentStatus(row.status),
  };
}

export function toAgentStatus(value: string): AgentStatus {
  return value === 'away' || value === 'offline' ? value : 'online';
}

export function toNote(row: NotesTable): Note {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    afterSeq: Number(row.after_seq),
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    transferredTo:
      row.transferred_to_id === null ? null : { id: row.transferred_to_id, name: row.transferred_to_name ?? '' },
    createdAt: row.created_at,
  };
}

export function toCannedResponse(row: CannedResponsesTable): CannedResponseRecord {
  return {
    id: row.id,
    scope: row.agent_id === null ? 'shared' : 'personal',
    ownerId: row.agent_id,
    shortcut: row.shortcut,
    body: row.body,
    content: offerOf(row.content),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessagesTable): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientMessageId: row.client_message_id,
    author: { kind: row.author_kind as AuthorKind, id: row.author_id, name: row.author_name },
    body: row.body,
    createdAt: row.created_at,
    // files-in-chat: filled in by withAttachments (message-attachments.ts), one query per batch
    attachments: [],
    content: contentOf(row.content),
    // edits and deletes (migration 0020); the quote is joined in by message-quote-rows.ts
    replyTo: null,
    editedAt: row.edited_at ?? null,
    deletedAt: row.deleted_at ?? null,
    changeSeq: Number(row.change_seq ?? 0),
  };
}

export function toVisitor(row: VisitorsTable): VisitorRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    externalUserId: row.external_user_id,
    name: row.name,
    email: row.email,
    attributes: parseJson<VisitorAttributes>(row.attributes, {}),
    verified: Number(row.verified) === 1,
    timeZone: row.time_zone ?? null,
  };
}

/** A conversation row joined with its agent's name and its visitor's profile. */
export type ConversationRow = ConversationsTable & {
  agent_name: string | null;
  visitor_name: string | null;
  visitor_email: string | null;
  visitor_verified: number | null;
};

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    siteId: row.site_id,
    visitorId: row.visitor_id,
    visitorName: row.visitor_name,
    visitorEmail: row.visitor_email,
    visitorVerified: Number(row.visitor_verified) === 1,
    status: row.status as ConversationStatus,
    agent: row.agent_id !== null ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
    createdAt: row.created_at,
    assignedAt: row.assigned_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by as AuthorKind | null,
    lastSeq: Number(row.last_seq),
    visitorSeenSeq: Number(row.visitor_seen_seq),
    agentSeenSeq: Number(row.agent_seen_seq),
    rating: row.rating === null ? null : Number(row.rating),
    ratingComment: row.rating_comment,
  };
}

export function toSummary(row: ConversationRow, last: MessagesTable | undefined): ConversationSummary {
  return { ...toConversation(row), lastMessage: last ? toMessage(last) : null, origin: toOrigin(row.origin) };
}

function toOrigin(text: string | null): ConversationSummary['origin'] {
  const parsed = ConversationOriginSchema.safeParse(parseJson<unknown>(text, null));
  return parsed.success ? parsed.data : null;
}
