/**
 * @module The console's picture of its conversations and the queue, and the pure transitions that keep it
 * current: the sync answer, history catch-up, and every push the server sends on /agent.
 * No signals, no sockets: each transition takes the old picture and returns a new one, so all of it is
 * testable without a DOM or a server.
 */
import type {
  AgentConversationPush,
  AgentStatus,
  AgentSyncResult,
  Conversation,
  ConversationOrigin,
  ConversationSummary,
  HistoryResult,
  Message,
  Note,
  QueuedConversation,
  SeenUpdate,
  TypingUpdate,
} from '@parley/shared';
import { mergeBySeq } from '@parley/shared/client-core';
import { mergeNotes } from './timeline.ts';

export interface ConversationEntry {
  readonly conversation: Conversation;
  /** The latest message known, held or not: what the list previews. */
  readonly lastMessage: Message | null;
  /** Messages held, ascending by seq. Pushes land here even before the history is loaded. */
  readonly messages: readonly Message[];
  /** True once a history request answered: the held messages then run without gaps from seq 1. */
  readonly historyLoaded: boolean;
  readonly visitorTyping: boolean;
  /** Private notes, by afterSeq then time: for agents only. */
  readonly notes: readonly Note[];
  /** The page rule or invite whose message the visitor answered to start it; null when they wrote first. */
  readonly origin: ConversationOrigin | null;
}

export interface ConsoleData {
  /** The signed-in agent, known after the first sync; decides whether an update moved a conversation away. */
  readonly agentId: string | null;
  /** This agent's conversations: open ones, those that ended while held, and those closed recently (sync). */
  readonly mine: ReadonlyMap<string, ConversationEntry>;
  /** Visitors waiting for an agent, oldest first, as the server orders them. */
  readonly queue: readonly QueuedConversation[];
  /** The status the agent chose: only `online` gets new conversations. */
  readonly status: AgentStatus;
}

/** One server push on /agent, typed from the protocol's event map. */
export type AgentPush = AgentConversationPush;

export const emptyConsoleData: ConsoleData = { agentId: null, mine: new Map(), queue: [], status: 'online' };

export function applySync(data: ConsoleData, result: AgentSyncResult): ConsoleData {
  const mine = new Map<string, ConversationEntry>();
  // the recently closed ones too: after a reload the agent still finds them, to read again or reopen
  for (const summary of [...result.conversations, ...result.closed])
    mine.set(summary.id, upsertSummary(data.mine.get(summary.id), summary));
  // Absent from sync means it ended or moved while we were away. Keep it so an open view, a draft or a pending
  // message does not vanish: the catch-up request that follows brings its final state (or forgets it).
  for (const [id, entry] of data.mine) if (!mine.has(id)) mine.set(id, entry);
  return { agentId: result.agent.id, mine, queue: withoutMine(result.queue, mine), status: result.status };
}

export function applyAssigned(data: ConsoleData, summary: ConversationSummary): ConsoleData {
  const mine = new Map(data.mine);
  mine.set(summary.id, upsertSummary(data.mine.get(summary.id), summary));
  // queue:updated follows, but dropping it here keeps it from showing in both lists meanwhile
  return { ...data, mine, queue: data.queue.filter((waiting) => waiting.id !== summary.id) };
}

export function applyUpdated(data: ConsoleData, conversation: Conversation): ConsoleData {
  const { id } = conversation;
  let mine = data.mine;
  const entry = data.mine.get(id);
  if (entry) {
    const next = new Map(data.mine);
    if (movedAway(conversation, data.agentId)) next.delete(id);
    else {
      const merged = mergeConversation(entry.conversation, conversation);
      next.set(id, {
        ...entry,
        conversation: merged,
        visitorTyping: merged.status !== 'closed' && entry.visitorTyping,
      });
    }
    mine = next;
  }
  const queue =
    conversation.status === 'queued' && !mine.has(id)
      ? data.queue.map((waiting) => (waiting.id === id ? { ...waiting, ...conversation } : waiting))
      : data.queue.filter((waiting) => waiting.id !== id);
  return { ...data, mine, queue };
}

export function applyQueue(data: ConsoleData, queue: readonly QueuedConversation[]): ConsoleData {
  return { ...data, queue: withoutMine(queue, data.mine) };
}

export function applyMessages(data: ConsoleData, conversationId: string, messages: readonly Message[]): ConsoleData {
  const latest = messages.reduce<Message | null>(later, null);
  if (latest === null) return data;
  const entry = data.mine.get(conversationId);
  if (entry) {
    const held = mergeBySeq(entry.messages, messages);
    const lastMessage = later(entry.lastMessage, latest);
    if (held === entry.messages && lastMessage === entry.lastMessage) return data;
    const visitorSpoke = messages.some((message) => message.author.kind === 'visitor');
    const mine = new Map(data.mine);
    mine.set(conversationId, {
      ...entry,
      messages: held,
      lastMessage,
      conversation: { ...entry.conversation, lastSeq: Math.max(entry.conversation.lastSeq, latest.seq) },
      // the message the visitor was typing has arrived
      visitorTyping: entry.visitorTyping && !visitorSpoke,
    });
    return { ...data, mine };
  }
  if (!data.queue.some((waiting) => waiting.id === conversationId)) return data;
  const queue = data.queue.map((waiting) =>
    waiting.id === conversationId
      ? { ...waiting, lastMessage: later(waiting.lastMessage, latest), lastSeq: Math.max(waiting.lastSeq, latest.seq) }
      : waiting,
  );
  return { ...data, queue };
}

export function applyHistory(data: ConsoleData, result: HistoryResult): ConsoleData {
  const { id } = result.conversation;
  if (!data.mine.has(id)) return data;
  // edits and deletes of messages already held come in `changes`: they merge like any newer copy
  const messages = result.changes ? [...result.messages, ...result.changes] : result.messages;
  const updated = applyMessages(applyUpdated(data, result.conversation), id, messages);
  const entry = updated.mine.get(id);
  if (!entry) return updated;
  const mine = new Map(updated.mine);
  mine.set(id, { ...entry, historyLoaded: true, notes: mergeNotes(entry.notes, result.notes) });
  return { ...updated, mine };
}

export function applyNote(data: ConsoleData, note: Note): ConsoleData {
  const entry = data.mine.get(note.conversationId);
  if (!entry) return data;
  const notes = mergeNotes(entry.notes, [note]);
  if (notes === entry.notes) return data;
  const mine = new Map(data.mine);
  mine.set(note.conversationId, { ...entry, notes });
  return { ...data, mine };
}

/** The server no longer lets us see this conversation (it was moved or removed). */
export function forgetConversation(data: ConsoleData, conversationId: string): ConsoleData {
  if (!data.mine.has(conversationId)) return data;
  const mine = new Map(data.mine);
  mine.delete(conversationId);
  return { ...data, mine };
}

export function applySeen(data: ConsoleData, update: SeenUpdate): ConsoleData {
  const entry = data.mine.get(update.conversationId);
  if (!entry) return data;
  const field = update.by === 'agent' ? 'agentSeenSeq' : 'visitorSeenSeq';
  if (entry.conversation[field] >= update.seq) return data;
  const mine = new Map(data.mine);
  mine.set(update.conversationId, { ...entry, conversation: { ...entry.conversation, [field]: update.seq } });
  return { ...data, mine };
}

export function applyTyping(data: ConsoleData, update: TypingUpdate): ConsoleData {
  const entry = data.mine.get(update.conversationId);
  // the agent's own typing is echoed to other agents' tabs; only the visitor's is shown here
  if (!entry || update.author !== 'visitor') return data;
  const typing = update.typing && entry.conversation.status !== 'closed';
  if (entry.visitorTyping === typing) return data;
  const mine = new Map(data.mine);
  mine.set(update.conversationId, { ...entry, visitorTyping: typing });
  return { ...data, mine };
}

/** After a disconnect nobody will tell us the visitor stopped typing, so forget it. */
export function clearTyping(data: ConsoleData): ConsoleData {
  if (![...data.mine.values()].some((entry) => entry.visitorTyping)) return data;
  const mine = new Map<string, ConversationEntry>();
  for (const [id, entry] of data.mine) mine.set(id, { ...entry, visitorTyping: false });
  return { ...data, mine };
}

export function applyPush(data: ConsoleData, push: AgentPush): ConsoleData {
  switch (push.event) {
    case 'conversation:assigned':
      return applyAssigned(data, push.payload);
    case 'conversation:updated':
      return applyUpdated(data, push.payload);
    case 'queue:updated':
      return applyQueue(data, push.payload.queue);
    case 'message:new':
    case 'message:updated':
      return applyMessages(data, push.payload.conversationId, [push.payload]);
    case 'typing:update':
      return applyTyping(data, push.payload);
    case 'message:seen':
      return applySeen(data, push.payload);
    case 'note:new':
      return applyNote(data, push.payload);
    case 'agent:status':
      return data.status === push.payload.status ? data : { ...data, status: push.payload.status };
  }
}

function upsertSummary(existing: ConversationEntry | undefined, summary: ConversationSummary): ConversationEntry {
  const { lastMessage, origin, ...conversation } = summary;
  if (!existing)
    return { conversation, lastMessage, messages: [], historyLoaded: false, visitorTyping: false, notes: [], origin };
  return {
    ...existing,
    origin,
    conversation: mergeConversation(existing.conversation, conversation),
    lastMessage: later(existing.lastMessage, lastMessage),
  };
}

/** The newer record wins, except counters that only grow: an older snapshot must not undo a newer seen. */
function mergeConversation(held: Conversation, next: Conversation): Conversation {
  return {
    ...next,
    lastSeq: Math.max(held.lastSeq, next.lastSeq),
    agentSeenSeq: Math.max(held.agentSeenSeq, next.agentSeenSeq),
    visitorSeenSeq: Math.max(held.visitorSeenSeq, next.visitorSeenSeq),
  };
}

function movedAway(conversation: Conversation, agentId: string | null): boolean {
  if (agentId === null || conversation.status === 'closed') return false;
  return conversation.agent?.id !== agentId;
}

/** The later message by seq; of two copies of one seq, the one mergeBySeq keeps (the server's latest). */
function later(a: Message | null, b: Message | null): Message | null {
  if (a === null) return b;
  if (b === null) return a;
  if (b.seq !== a.seq) return b.seq > a.seq ? b : a;
  return mergeBySeq([a], [b])[0] ?? a;
}

function withoutMine(
  queue: readonly QueuedConversation[],
  mine: ReadonlyMap<string, ConversationEntry>,
): readonly QueuedConversation[] {
  return queue.filter((waiting) => !mine.has(waiting.id));
}
