/**
 * @module An in-memory /agent server behind the AgentChannel seam: it stores conversations and messages,
 * assigns seqs, dedupes sends by clientMessageId, echoes message:new, and loses pushes while "disconnected",
 * so tests run the real session and UI against the behaviour the server contract describes.
 */
import {
  ErrorCode,
  type Agent,
  type AgentStatus,
  type Conversation,
  type ConversationOrigin,
  type ConversationSummary,
  type LiveVisitor,
  type VisitorDetails,
  type Message,
  type MessageQuote,
  type MessageRevision,
  type Note,
  type QueuedConversation,
  type RoutingMode,
  type Teammate,
} from '@parley/shared';
import { RequestError, type AgentChannel, type ChannelStatus, type VisitorPush } from '../../src/api/agent-channel.ts';
import type { AgentPush } from '../../src/state/conversations.ts';
import { AGENT, iso, makeConversation, makeMessage } from './fixtures.ts';
import { FakeTickets } from './fake-tickets.ts';
import { toQuote } from '@parley/shared/client-core';

type Call = { event: string; payload: unknown };

export class FakeChannel implements AgentChannel {
  connected = false;
  readonly calls: Call[] = [];
  readonly sends: Array<{ conversationId: string; clientMessageId: string; body: string }> = [];
  readonly typingEvents: Array<{ event: 'typing:start' | 'typing:stop'; conversationId: string }> = [];
  /** The next send is stored, then the connection dies before the echo or the ack goes out. */
  cutAfterNextStore = false;
  status: AgentStatus = 'online';
  routingMode: RoutingMode = 'automatic';
  teammates: Teammate[] = [];
  private readonly notes = new Map<string, Note[]>();
  private noteCounter = 0;
  private readonly conversations = new Map<string, Conversation>();
  private readonly messages = new Map<string, Message[]>();
  private readonly statusListeners = new Set<(status: ChannelStatus) => void>();
  private readonly pushListeners = new Set<(push: AgentPush) => void>();
  private readonly visitorListeners = new Set<(push: VisitorPush) => void>();
  /** What visitor:details answers, by visitor id; a visitor missing here answers not_found. */
  readonly visitorProfiles = new Map<string, VisitorDetails>();
  liveList: LiveVisitor[] = [];
  /** What started a conversation, by id: summaries carry it (null when absent). */
  readonly origins = new Map<string, ConversationOrigin>();
  readonly invites: Array<{ visitorId: string; message: string }> = [];

  readonly tickets: FakeTickets;

  constructor(readonly agent: Agent = AGENT) {
    this.tickets = new FakeTickets(agent, {
      emailOf: (id) => this.conversations.get(id)?.visitorEmail ?? null,
      converted: (id) => {
        // as the server does: the chat leaves the agent's seat and goes on by email
        const moved: Conversation = { ...this.get(id), status: 'offline' };
        this.conversations.set(id, moved);
        this.push({ event: 'conversation:updated', payload: moved });
      },
    });
  }

  // ── AgentChannel ──────────────────────────────────────────────────────────
  connect(): void {
    this.connected = true;
    this.statusListeners.forEach((listener) => listener({ kind: 'connected' }));
  }

  disconnect(): void {
    this.connected = false;
  }

  async sync() {
    this.record('agent:sync', {});
    const all = [...this.conversations.values()];
    return {
      agent: this.agent,
      status: this.status,
      conversations: all
        .filter((c) => c.status === 'active' && c.agent?.id === this.agent.id)
        .map((c) => this.summary(c)),
      queue: this.queue(),
      closed: all
        .filter((c) => c.status === 'closed' && c.agent?.id === this.agent.id)
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
        .map((c) => this.summary(c)),
    };
  }

  async history(request: { conversationId: string; afterSeq: number }) {
    this.record('conversation:history', request);
    const conversation = this.get(request.conversationId);
    return {
      conversation,
      messages: this.messagesOf(conversation.id).filter((m) => m.seq > request.afterSeq),
      notes: this.notes.get(conversation.id) ?? [],
    };
  }

  async send(request: {
    conversationId: string;
    clientMessageId: string;
    body: string;
    replyToId?: string;
  }): Promise<{ message: Message }> {
    this.record('message:send', request);
    this.sends.push(request);
    const conversation = this.get(request.conversationId);
    // a retry with the same clientMessageId gets the stored message back, as the server promises
    const existing = this.messagesOf(conversation.id).find((m) => m.clientMessageId === request.clientMessageId);
    if (existing) return { message: existing };
    if (conversation.status === 'closed')
      throw new RequestError(ErrorCode.ConversationClosed, 'The conversation has ended.');
    if (this.cutAfterNextStore) {
      this.cutAfterNextStore = false;
      this.store(conversation.id, 'agent', request.body, request.clientMessageId, { echo: false });
      this.drop();
      throw new RequestError(null, 'The server did not answer in time.');
    }
    const original = this.messagesOf(conversation.id).find((m) => m.id === request.replyToId);
    const replyTo = original ? toQuote(original) : null;
    return { message: this.store(conversation.id, 'agent', request.body, request.clientMessageId, { replyTo }) };
  }

  // ── quoted reply, edit and delete ─────────────────────────────────────────
  /** The texts each message's changes replaced, as the server keeps them for admins. */
  readonly revisionLog = new Map<string, MessageRevision[]>();
  private changeCounter = 0;

  /** Changes a stored message as the server would, and pushes message:updated to the console. */
  change(messageId: string, action: 'edit' | 'delete', body = ''): Message {
    for (const [conversationId, list] of this.messages) {
      const held = list.find((m) => m.id === messageId);
      if (!held) continue;
      const at = iso(0);
      const changed: Message =
        action === 'edit'
          ? { ...held, body, editedAt: at, changeSeq: ++this.changeCounter }
          : { ...held, body: '', deletedAt: at, changeSeq: ++this.changeCounter };
      this.messages.set(
        conversationId,
        list.map((m) => (m.id === messageId ? changed : m)),
      );
      const revision: MessageRevision = {
        action,
        previousBody: held.body,
        actor: { kind: held.author.kind, id: held.author.id, name: held.author.name },
        at,
      };
      this.revisionLog.set(messageId, [...(this.revisionLog.get(messageId) ?? []), revision]);
      this.push({ event: 'message:updated', payload: changed });
      return changed;
    }
    throw new RequestError(ErrorCode.NotFound, 'Message not found');
  }

  async editMessage(request: { conversationId: string; messageId: string; clientChangeId: string; body: string }) {
    this.record('message:edit', request);
    return { message: this.change(request.messageId, 'edit', request.body) };
  }

  async deleteMessage(request: { conversationId: string; messageId: string }) {
    this.record('message:delete', request);
    return { message: this.change(request.messageId, 'delete') };
  }

  async messageRevisions(request: { conversationId: string; messageId: string }) {
    this.record('message:revisions', request);
    if (this.agent.role !== 'admin') throw new RequestError(ErrorCode.Forbidden, 'Only admins read revisions');
    return { revisions: this.revisionLog.get(request.messageId) ?? [] };
  }

  async seen(request: { conversationId: string; seq: number }) {
    this.record('message:seen', request);
    const conversation = this.get(request.conversationId);
    this.conversations.set(conversation.id, { ...conversation, agentSeenSeq: request.seq });
  }

  async close(request: { conversationId: string }) {
    this.record('conversation:close', request);
    const closed: Conversation = {
      ...this.get(request.conversationId),
      status: 'closed',
      closedAt: iso(60_000),
      closedBy: 'agent',
    };
    this.conversations.set(closed.id, closed);
    return closed;
  }

  typing(event: 'typing:start' | 'typing:stop', request: { conversationId: string }): void {
    this.typingEvents.push({ event, conversationId: request.conversationId });
  }

  async setStatus(request: { status: AgentStatus }) {
    this.record('agent:status', request);
    this.status = request.status;
    this.push({ event: 'agent:status', payload: { status: request.status } });
    return { status: request.status };
  }

  async team() {
    this.record('team:list', {});
    return { agents: this.teammates };
  }

  async accept(request: { conversationId: string }): Promise<ConversationSummary> {
    this.record('conversation:accept', request);
    const conversation = this.get(request.conversationId);
    if (conversation.status !== 'queued') {
      throw new RequestError(
        ErrorCode.Conflict,
        `${conversation.agent?.name ?? 'Another agent'} has already accepted this conversation`,
      );
    }
    const accepted: Conversation = {
      ...conversation,
      status: 'active',
      agent: { id: this.agent.id, name: this.agent.name },
      assignedAt: iso(40_000),
    };
    this.conversations.set(accepted.id, accepted);
    this.push({ event: 'conversation:assigned', payload: this.summary(accepted) });
    this.pushQueue();
    return this.summary(accepted);
  }

  async transfer(request: {
    conversationId: string;
    toAgentId: string;
    note?: string | undefined;
  }): Promise<Conversation> {
    this.record('conversation:transfer', request);
    const target = this.teammates.find((mate) => mate.id === request.toAgentId);
    if (!target) throw new RequestError(ErrorCode.NotFound, 'Agent not found');
    if (target.activeCount >= target.capacity) {
      throw new RequestError(
        ErrorCode.Conflict,
        `${target.name} has no free capacity (${target.activeCount} of ${target.capacity} chats)`,
      );
    }
    const moved: Conversation = { ...this.get(request.conversationId), agent: { id: target.id, name: target.name } };
    this.conversations.set(moved.id, moved);
    this.push({ event: 'conversation:updated', payload: moved });
    return moved;
  }

  async reopen(request: { conversationId: string }): Promise<Conversation> {
    this.record('conversation:reopen', request);
    const reopened: Conversation = {
      ...this.get(request.conversationId),
      status: 'active',
      closedAt: null,
      closedBy: null,
    };
    this.conversations.set(reopened.id, reopened);
    this.push({ event: 'conversation:updated', payload: reopened });
    return reopened;
  }

  async addNote(request: { conversationId: string; clientNoteId: string; body: string }): Promise<{ note: Note }> {
    this.record('note:add', request);
    const conversation = this.get(request.conversationId);
    const note: Note = {
      id: `note-${++this.noteCounter}`,
      conversationId: conversation.id,
      afterSeq: conversation.lastSeq,
      author: { id: this.agent.id, name: this.agent.name },
      body: request.body,
      transferredTo: null,
      createdAt: iso(50_000 + this.noteCounter),
    };
    this.notes.set(conversation.id, [...(this.notes.get(conversation.id) ?? []), note]);
    this.push({ event: 'note:new', payload: note });
    return { note };
  }

  onStatus(listener: (status: ChannelStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onPush(listener: (push: AgentPush) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  async visitorDetails(request: { conversationId: string }): Promise<VisitorDetails> {
    this.record('visitor:details', request);
    const details = this.visitorProfiles.get(this.get(request.conversationId).visitorId);
    if (!details) throw new RequestError(ErrorCode.NotFound, 'Visitor not found');
    return details;
  }

  async liveVisitors(): Promise<{ visitors: LiveVisitor[] }> {
    this.record('visitors:live', {});
    return { visitors: this.liveList };
  }

  async inviteVisitor(request: { visitorId: string; message: string }): Promise<{ inviteId: string }> {
    this.record('visitor:invite', request);
    const visitor = this.liveList.find((v) => v.visitorId === request.visitorId);
    if (!visitor) throw new RequestError(ErrorCode.Conflict, 'This visitor is no longer on the site');
    if (visitor.chatting) throw new RequestError(ErrorCode.Conflict, 'This visitor is already in a conversation');
    this.invites.push(request);
    return { inviteId: `inv-${this.invites.length}` };
  }

  onVisitorPush(listener: (push: VisitorPush) => void): () => void {
    this.visitorListeners.add(listener);
    return () => this.visitorListeners.delete(listener);
  }

  // ── what the server and the network do, for tests to call ──────────────────
  /** The visitor moved (or came, or went): the server pushes the new panel to the agent holding the chat. */
  visitorChanged(details: VisitorDetails): void {
    this.visitorProfiles.set(details.visitorId, details);
    if (this.connected)
      this.visitorListeners.forEach((listener) => listener({ event: 'visitor:updated', payload: details }));
  }

  liveChanged(visitors: LiveVisitor[]): void {
    this.liveList = visitors;
    if (this.connected)
      this.visitorListeners.forEach((listener) => listener({ event: 'visitors:live', payload: { visitors } }));
  }

  /** A conversation with some messages, assigned to this agent unless `status: 'queued'`. */
  seed(
    conversation: Partial<Conversation> & { id: string },
    messages: Array<{ author: 'visitor' | 'agent'; body: string }> = [],
  ): void {
    const queued = conversation.status === 'queued';
    this.conversations.set(
      conversation.id,
      makeConversation({ agent: queued ? null : { id: this.agent.id, name: this.agent.name }, ...conversation }),
    );
    for (const { author, body } of messages) this.store(conversation.id, author, body, null);
  }

  visitorSays(conversationId: string, body: string): Message {
    const message = this.store(conversationId, 'visitor', body, null);
    this.push({ event: 'message:new', payload: message });
    return message;
  }

  assign(conversationId: string): void {
    const conversation: Conversation = {
      ...this.get(conversationId),
      status: 'active',
      agent: { id: this.agent.id, name: this.agent.name },
      assignedAt: iso(30_000),
    };
    this.conversations.set(conversationId, conversation);
    this.push({ event: 'conversation:assigned', payload: this.summary(conversation) });
  }

  /** Another agent accepted a waiting conversation: it leaves this agent's queue. */
  otherAgentAccepts(conversationId: string, name = 'Bob'): void {
    this.conversations.set(conversationId, {
      ...this.get(conversationId),
      status: 'active',
      agent: { id: 'agent-other', name },
    });
    this.pushQueue();
  }

  /** A visitor starts a conversation: it joins the queue every agent sees. */
  visitorWaits(conversationId: string, body: string, visitorName: string | null = null): void {
    this.conversations.set(
      conversationId,
      makeConversation({ id: conversationId, status: 'queued', agent: null, assignedAt: null, visitorName }),
    );
    this.store(conversationId, 'visitor', body, null);
    this.pushQueue();
  }

  pushQueue(): void {
    this.push({ event: 'queue:updated', payload: { queue: this.queue() } });
  }

  visitorTyping(conversationId: string, typing: boolean): void {
    this.push({ event: 'typing:update', payload: { conversationId, author: 'visitor', typing } });
  }

  visitorCloses(conversationId: string): void {
    const closed: Conversation = {
      ...this.get(conversationId),
      status: 'closed',
      closedAt: iso(90_000),
      closedBy: 'visitor',
    };
    this.conversations.set(conversationId, closed);
    this.push({ event: 'conversation:updated', payload: closed });
  }

  /** The connection drops: pushes are lost until connect(). */
  drop(): void {
    this.connected = false;
    this.statusListeners.forEach((listener) => listener({ kind: 'disconnected' }));
  }

  rejectSession(): void {
    this.connected = false;
    this.statusListeners.forEach((listener) => listener({ kind: 'unauthorized' }));
  }

  push(push: AgentPush): void {
    if (this.connected) this.pushListeners.forEach((listener) => listener(push));
  }

  payloadsOf(event: string): unknown[] {
    return this.calls.filter((call) => call.event === event).map((call) => call.payload);
  }

  messagesOf(conversationId: string): Message[] {
    return this.messages.get(conversationId) ?? [];
  }

  private store(
    conversationId: string,
    author: 'visitor' | 'agent',
    body: string,
    clientMessageId: string | null,
    { echo = true, replyTo = null }: { echo?: boolean; replyTo?: MessageQuote | null } = {},
  ): Message {
    const conversation = this.get(conversationId);
    const seq = conversation.lastSeq + 1;
    const message = { ...makeMessage({ conversationId, seq, author, body, clientMessageId }), replyTo };
    this.messages.set(conversationId, [...this.messagesOf(conversationId), message]);
    this.conversations.set(conversationId, { ...conversation, lastSeq: seq });
    // the agent's own message is echoed to all its tabs, this one included
    if (author === 'agent' && echo) this.push({ event: 'message:new', payload: message });
    return message;
  }

  private queue(): QueuedConversation[] {
    return [...this.conversations.values()]
      .filter((c) => c.status === 'queued' && c.agent === null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((c) => ({
        ...this.summary(c),
        firstMessage: this.messagesOf(c.id).find((m) => m.author.kind === 'visitor') ?? null,
        routingMode: this.routingMode,
      }));
  }

  private summary(conversation: Conversation): ConversationSummary {
    const origin = this.origins.get(conversation.id) ?? null;
    return { ...conversation, lastMessage: this.messagesOf(conversation.id).at(-1) ?? null, origin };
  }

  private get(conversationId: string): Conversation {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) throw new RequestError(ErrorCode.NotFound, `no conversation ${conversationId}`);
    return conversation;
  }

  private record(event: string, payload: unknown): void {
    this.calls.push({ event, payload });
  }
}
