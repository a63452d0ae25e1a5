/**
 * @module Shape checks for what the widget reads back from localStorage.
 * Stored data may be corrupt, from an older widget version, or written by the host page, so it is
 * checked before use; these are deliberately small hand-written guards because zod would cost
 * the widget ~95 KB.
 */
import type { Conversation, Message } from '@parley/shared';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null => value === null || isString(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function isMessage(value: unknown): value is Message {
  if (!isRecord(value) || !isRecord(value.author)) return false;
  const { author } = value;
  return (
    isString(value.id) &&
    isString(value.conversationId) &&
    isCount(value.seq) &&
    isNullableString(value.clientMessageId) &&
    (author.kind === 'visitor' || author.kind === 'agent' || author.kind === 'system' || author.kind === 'bot') &&
    isNullableString(author.id) &&
    isNullableString(author.name) &&
    isString(value.body) &&
    isString(value.createdAt)
  );
}

export function isConversation(value: unknown): value is Conversation {
  if (!isRecord(value)) return false;
  const { agent } = value;
  return (
    isString(value.id) &&
    isString(value.siteId) &&
    isString(value.visitorId) &&
    isNullableString(value.visitorName) &&
    (value.status === 'queued' ||
      value.status === 'active' ||
      value.status === 'closed' ||
      value.status === 'offline') &&
    (agent === null || (isRecord(agent) && isString(agent.id) && isString(agent.name))) &&
    isString(value.createdAt) &&
    isNullableString(value.assignedAt) &&
    isNullableString(value.closedAt) &&
    isCount(value.lastSeq) &&
    isCount(value.visitorSeenSeq) &&
    isCount(value.agentSeenSeq)
  );
}

export function isArrayOf<T>(value: unknown, guard: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(guard);
}

export { isRecord, isString };
