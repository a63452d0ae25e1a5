/**
 * Proactive messages over real sockets: the widget's fired/shown/opened/dismissed reports count per
 * rule; a reply to a rule's message starts a conversation with that message first and the rule
 * recorded as its origin; an agent invites a live visitor, and only a present one.
 */
import { describe, expect, it } from 'vitest';
import {
  ProactiveRuleListResponseSchema,
  ProactiveRuleResponseSchema,
  type ConversationSummary,
  type LiveVisitors,
  type ProactiveInvite,
  type SendResult,
  type SessionResumeResult,
} from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  nextEvent,
  signInAgent,
  type VisitorSocket,
} from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { pricingRule } from './support/rule-fixtures.ts';

const t = useTestServer();

async function visitor(token?: string): Promise<{ socket: VisitorSocket; session: SessionResumeResult }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, ...(token ? { token } : {}) });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

async function ruleOnDemoSite(name: string) {
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const siteId = (await t.server.store.sites.findDemo())?.id ?? '';
  const res = await admin('POST', `/api/admin/sites/${siteId}/rules`, pricingRule({ name }));
  const rule = ProactiveRuleResponseSchema.parse(res.body).rule;
  const stats = async () =>
    ProactiveRuleListResponseSchema.parse((await admin('GET', `/api/admin/sites/${siteId}/rules`)).body).rules[0]
      ?.stats;
  return { rule, stats };
}

describe('rule events and replies', () => {
  it('counts what the widget reports, and refuses unknown rules with not_found', async () => {
    const { rule, stats } = await ruleOnDemoSite('Pricing nudge');
    const { socket } = await visitor();
    for (const event of ['fired', 'fired', 'shown', 'opened', 'dismissed'] as const) {
      await call(socket, 'proactive:event', { origin: { kind: 'rule', ruleId: rule.id }, event });
    }
    expect(await stats()).toEqual({ fired: 2, shown: 1, opened: 1, replied: 0 });

    const unknown = await callRaw(socket, 'proactive:event', {
      origin: { kind: 'rule', ruleId: 'rule_nope' },
      event: 'shown',
    });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: 'Rule not found' } });
    const wrong = await callRaw(socket, 'proactive:event', {
      origin: { kind: 'rule', ruleId: rule.id },
      event: 'replied',
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('invalid_payload');
  });

  it('starts the conversation with the rule’s message, from the server’s record, and tells agents which rule', async () => {
    const { rule, stats } = await ruleOnDemoSite('Pricing nudge');
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    const { socket } = await visitor();
    const firstLine = nextEvent<{ body: string }>(socket, 'message:new');
    const takenUpdate = nextEvent<Record<string, unknown>>(
      socket,
      'conversation:updated',
      (c) => c.status === 'active',
    );

    const id = clientId();
    const sent = await call<SendResult>(socket, 'message:send', {
      clientMessageId: id,
      body: 'Is there a yearly plan?',
      proactive: { kind: 'rule', ruleId: rule.id },
    });
    expect(sent.message.seq).toBe(2);
    expect((await firstLine).body).toBe('Questions about plans? We are here.');
    expect('origin' in sent.conversation).toBe(false);

    const summary = await assigned;
    expect(summary.origin).toEqual({ kind: 'rule', ruleId: rule.id, ruleName: 'Pricing nudge' });
    // the rule's name is the site's business: the visitor's copy of the conversation has no origin
    expect('origin' in (await takenUpdate)).toBe(false);
    const history = await call<{
      messages: Array<{ seq: number; body: string; author: { kind: string; name: string | null } }>;
    }>(agent, 'conversation:history', { conversationId: sent.conversation.id, afterSeq: 0 });
    expect(history.messages.map((m) => [m.seq, m.author.kind, m.author.name, m.body])).toEqual([
      [1, 'agent', 'Demo', 'Questions about plans? We are here.'],
      [2, 'visitor', null, 'Is there a yearly plan?'],
    ]);

    // a retry, and later messages, neither repeat the opening nor count again
    await call(socket, 'message:send', {
      clientMessageId: id,
      body: 'Is there a yearly plan?',
      proactive: { kind: 'rule', ruleId: rule.id },
    });
    await call(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'And monthly?',
      proactive: { kind: 'rule', ruleId: rule.id },
    });
    expect((await stats())?.replied).toBe(1);
    const sync = await call<{ conversations: ConversationSummary[] }>(agent, 'agent:sync', {});
    expect(sync.conversations.find((c) => c.id === sent.conversation.id)?.origin?.kind).toBe('rule');
  });

  it('keeps the reply of a visitor whose rule is unknown, as a plain first message', async () => {
    const { socket } = await visitor();
    const sent = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hello anyway',
      proactive: { kind: 'rule', ruleId: 'rule_gone' },
    });
    expect(sent.message.seq).toBe(1);
    expect((await t.server.store.conversations.summary(sent.conversation.id))?.origin).toBeNull();
  });
});

describe('agent invites', () => {
  it('pushes the invite to every tab of a present visitor; a reply starts a chat attributed to it', async () => {
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const { socket, session } = await visitor();
    const { socket: secondTab } = await visitor(session.token);
    const live = await call<LiveVisitors>(agent, 'visitors:live', {});
    expect(live.visitors.map((v) => v.visitorId)).toEqual([session.visitorId]);

    const shown = [socket, secondTab].map((tab) => nextEvent<ProactiveInvite>(tab, 'proactive:invite'));
    const { inviteId } = await call<{ inviteId: string }>(agent, 'visitor:invite', {
      visitorId: session.visitorId,
      message: 'Need a hand with sizes?',
    });
    for (const invite of await Promise.all(shown)) {
      expect(invite).toEqual({
        inviteId,
        message: 'Need a hand with sizes?',
        senderName: 'Admin',
        senderAvatarUrl: null,
      });
    }
    await call(socket, 'proactive:event', { origin: { kind: 'invite', inviteId }, event: 'shown' });

    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    const sent = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Yes please',
      proactive: { kind: 'invite', inviteId },
    });
    const summary = await assigned;
    expect(summary.origin).toEqual({ kind: 'invite', inviteId, agentId: summary.agent?.id, agentName: 'Admin' });
    const history = await call<{ messages: Array<{ body: string; author: { kind: string; id: string | null } }> }>(
      agent,
      'conversation:history',
      { conversationId: sent.conversation.id, afterSeq: 0 },
    );
    expect(history.messages.map((m) => [m.author.kind, m.body])).toEqual([
      ['agent', 'Need a hand with sizes?'],
      ['visitor', 'Yes please'],
    ]);

    // now chatting: another invite is refused
    const again = await callRaw(agent, 'visitor:invite', { visitorId: session.visitorId, message: 'Hello?' });
    expect(again.ok ? null : again.error.code).toBe('conflict');
  });

  it('refuses to invite a visitor who is not on the site, and someone else’s invite in a reply', async () => {
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const { socket, session } = await visitor();
    const { inviteId } = await call<{ inviteId: string }>(agent, 'visitor:invite', {
      visitorId: session.visitorId,
      message: 'Hi there',
    });
    const gone = nextEvent<LiveVisitors>(agent, 'visitors:live', (list) => list.visitors.length === 0);
    socket.disconnect();
    await gone;
    const refused = await callRaw(agent, 'visitor:invite', { visitorId: session.visitorId, message: 'Still there?' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This visitor is no longer on the site' },
    });
    const empty = await callRaw(agent, 'visitor:invite', { visitorId: session.visitorId, message: '   ' });
    expect(empty.ok ? null : empty.error.code).toBe('invalid_payload');

    const { socket: stranger } = await visitor();
    const notTheirs = await callRaw(stranger, 'proactive:event', {
      origin: { kind: 'invite', inviteId },
      event: 'shown',
    });
    expect(notTheirs.ok ? null : notTheirs.error.code).toBe('not_found');
    const sent = await call<SendResult>(stranger, 'message:send', {
      clientMessageId: clientId(),
      body: 'hi',
      proactive: { kind: 'invite', inviteId },
    });
    expect(sent.message.seq).toBe(1);
  });
});
