/**
 * @module Rows to records: the only place that knows how columns spell the wire shapes.
 */
import type { AgentRole, AuthorKind, Conversation, ConversationStatus, ConversationSummary, Message } from '@parley/shared';
import type { AgentRecord, SiteRecord } from '../types.ts';
import type { AgentsTable, ConversationsTable, MessagesTable, SitesTable } from './schema.ts';

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
  };
}

/** A conversation row joined with its agent's name and its visitor's name. */
export type ConversationRow = ConversationsTable & { agent_name: string | null; visitor_name: string | null };

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    siteId: row.site_id,
    visitorId: row.visitor_id,
    visitorName: row.visitor_name,
    status: row.status as ConversationStatus,
    agent: row.agent_id !== null ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
    createdAt: row.created_at,
    assignedAt: row.assigned_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by as AuthorKind | null,
    lastSeq: Number(row.last_seq),
    visitorSeenSeq: Number(row.visitor_seen_seq),
    agentSeenSeq: Number(row.agent_seen_seq),
  };
}

export function toSummary(row: ConversationRow, last: MessagesTable | undefined): ConversationSummary {
  return { ...toConversation(row), lastMessage: last ? toMessage(last) : null };
}
