/**
 * @module What happens around a proactive message: the widget reports it fired, showed, was opened
 * or dismissed; an agent invites a live visitor; and a reply turns the message into the first line
 * of a conversation that remembers what started it.
 */
import type { ProactiveEvent, ProactiveInvite, ProactiveOrigin } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { ProactiveInviteRecord, ProactiveRuleRecord } from '../store/proactive-store.ts';
import type { Store } from '../store/store.ts';
import type { VisitorPresence } from '../scale/visitor-presence.ts';
import type { ProactiveOpening, VisitorRef } from './conversations.ts';
import type { EventSink } from './events.ts';
import { newId } from './ids.ts';

export class ProactiveOutreach {
  readonly #store: Store;
  readonly #presence: VisitorPresence;
  readonly #events: EventSink;
  readonly #now: () => Date;

  constructor(deps: { store: Store; presence: VisitorPresence; events: EventSink; now: () => Date }) {
    this.#store = deps.store;
    this.#presence = deps.presence;
    this.#events = deps.events;
    this.#now = deps.now;
  }

  /** Counts what the widget reports; a rule of another site or someone else's invite is refused like a missing one. */
  async record(visitor: VisitorRef, { origin, event }: ProactiveEvent): Promise<void> {
    const source = await this.#source(visitor, origin);
    if (!source) throw notFound(origin.kind === 'rule' ? 'Rule' : 'Invite');
    await this.#store.proactive.recordEvent({
      origin: origin.kind === 'rule' ? { ruleId: origin.ruleId } : { inviteId: origin.inviteId },
      event,
      visitorId: visitor.visitorId,
      conversationId: null,
      at: this.#nowIso(),
    });
  }

  /** Shows the agent's message in the widget of a visitor on a site now and not yet chatting. */
  async invite(agent: AgentRecord, visitorId: string, message: string): Promise<{ inviteId: string }> {
    const present = await this.#presence.find(visitorId);
    if (!present) throw new ParleyError(ErrorCode.Conflict, 'This visitor is no longer on the site');
    if (await this.#store.conversations.findOpenByVisitor(visitorId)) {
      throw new ParleyError(ErrorCode.Conflict, 'This visitor is already in a conversation');
    }
    // a visitor who has not written or identified yet has no row: the invite refers to one
    await this.#store.visitors.ensure(visitorId, present.siteId, this.#nowIso());
    const invite: ProactiveInviteRecord = {
      id: newId('inv'),
      siteId: present.siteId,
      visitorId,
      agentId: agent.id,
      message,
      createdAt: this.#nowIso(),
    };
    await this.#store.proactive.createInvite(invite);
    const [profile] = await this.#store.agents.profiles([agent.id]);
    const shown: ProactiveInvite = {
      inviteId: invite.id,
      message,
      senderName: agent.name,
      senderAvatarUrl: profile?.avatarUrl ?? null,
    };
    this.#events.publish({ type: 'proactive.invited', visitorId, invite: shown });
    return { inviteId: invite.id };
  }

  /**
   * The proactive message a visitor's reply answers, from the server's record (never the client's
   * text). Undefined when the rule or invite is unknown: the reply is then sent as a plain message,
   * since losing what the visitor wrote would be worse than losing its attribution.
   */
  async openingFor(visitor: VisitorRef, origin: ProactiveOrigin): Promise<ProactiveOpening | undefined> {
    const source = await this.#source(visitor, origin);
    if (!source) return undefined;
    const started = (conversationId: string, reference: { ruleId: string } | { inviteId: string }) =>
      this.#store.proactive.recordEvent({
        origin: reference,
        event: 'replied',
        visitorId: visitor.visitorId,
        conversationId,
        at: this.#nowIso(),
      });
    if (source.kind === 'rule') {
      const { rule } = source;
      return {
        origin: { kind: 'rule', ruleId: rule.id, ruleName: rule.name },
        author: await this.#ruleAuthor(rule),
        body: rule.action.message,
        started: (conversation) => started(conversation.id, { ruleId: rule.id }),
      };
    }
    const { invite } = source;
    const [agent] = await this.#store.agents.profiles([invite.agentId]);
    const agentName = agent?.name ?? '';
    return {
      origin: { kind: 'invite', inviteId: invite.id, agentId: invite.agentId, agentName },
      author: { kind: 'agent', id: invite.agentId, name: agentName },
      body: invite.message,
      started: (conversation) => started(conversation.id, { inviteId: invite.id }),
    };
  }

  /** As the widget showed it: the named agent while active, otherwise the site (an agent-kind line without an id). */
  async #ruleAuthor(rule: ProactiveRuleRecord): Promise<ProactiveOpening['author']> {
    const { sender } = rule.action;
    if (sender.kind === 'agent') {
      const [agent] = await this.#store.agents.profiles([sender.agentId]);
      if (agent?.active) return { kind: 'agent', id: agent.id, name: agent.name };
    }
    const site = await this.#store.sites.findById(rule.siteId);
    return { kind: 'agent', id: null, name: site?.name ?? null };
  }

  async #source(
    visitor: VisitorRef,
    origin: ProactiveOrigin,
  ): Promise<
    { kind: 'rule'; rule: ProactiveRuleRecord } | { kind: 'invite'; invite: ProactiveInviteRecord } | undefined
  > {
    if (origin.kind === 'rule') {
      const rule = await this.#store.proactive.findRule(origin.ruleId);
      return rule && rule.siteId === visitor.siteId ? { kind: 'rule', rule } : undefined;
    }
    const invite = await this.#store.proactive.findInvite(origin.inviteId);
    return invite && invite.visitorId === visitor.visitorId ? { kind: 'invite', invite } : undefined;
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }
}
