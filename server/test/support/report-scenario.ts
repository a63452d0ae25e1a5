/**
 * @module A seeded day of traffic with known report figures, written through the store with fixed
 * timestamps. The demo site's zone is Europe/Berlin and the day is 2026-03-29, when Berlin moves
 * its clocks forward: that local day runs from 2026-03-28T23:00Z to 2026-03-29T22:00Z (23 hours).
 * Conversations sit exactly on both midnights, and one second before each.
 */
import { newId } from '../../src/domain/ids.ts';
import type { AgentRecord } from '../../src/store/agent-store.ts';
import type { Store } from '../../src/store/store.ts';

export const SCENARIO_DAY = '2026-03-29';
const SCENARIO_ZONE = 'Europe/Berlin';

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

export interface ScenarioAgents {
  ann: AgentRecord;
  bob: AgentRecord;
}

export async function seedReportScenario(store: Store, agents: ScenarioAgents): Promise<{ siteId: string }> {
  const site = await store.sites.findDemo();
  if (!site) throw new Error('no demo site');
  await store.sites.updateSettings(site.id, { businessHours: { enabled: false, timeZone: SCENARIO_ZONE, days: [] } });
  const { ann, bob } = agents;

  const start = async (createdAt: string, status: 'queued' | 'offline' = 'queued') => {
    const visitorId = newId('vis');
    await store.visitors.ensure(visitorId, site.id, createdAt);
    const c = await store.conversations.create({
      id: newId('conv'),
      siteId: site.id,
      visitorId,
      now: createdAt,
      status,
    });
    await say(c.id, 'visitor', 'Hello, I need help with my order', createdAt);
    return c;
  };
  const say = (conversationId: string, kind: 'visitor' | 'agent', body: string, now: string) =>
    store.messages.append({
      id: newId('msg'),
      conversationId,
      clientMessageId: newId('msg'),
      author: { kind, id: null, name: kind === 'agent' ? 'Agent' : null },
      body,
      now,
    });
  /** Taken after `wait` s, first reply after `reply` s, closed after `close` s (all from queueing). */
  const chat = async (createdAt: string, agent: AgentRecord, wait: number, reply: number, close: number) => {
    const c = await start(createdAt);
    await store.conversations.assign(c.id, agent.id, plus(createdAt, wait));
    await say(c.id, 'agent', 'Happy to help', plus(createdAt, reply));
    await store.conversations.close(c.id, 'agent', plus(createdAt, close));
    return c;
  };

  // A: 23:59:59 on the 28th in Berlin: the day before. Left the queue unanswered.
  const a = await start('2026-03-28T22:59:59.000Z');
  await store.conversations.close(a.id, 'visitor', '2026-03-28T23:00:30.000Z');
  // B: Berlin's midnight exactly. Wait 30 s, reply 90 s, closed at 600 s, rated 5: first contact resolution.
  const b = await chat('2026-03-28T23:00:00.000Z', ann, 30, 90, 600);
  await store.conversations.rate(b.id, 5, 'Great');
  // C: transferred from Ann to Bob, so not resolved at first contact. Rated 3.
  const c = await start('2026-03-29T08:00:00.000Z');
  await store.conversations.assign(c.id, ann.id, '2026-03-29T08:01:00.000Z');
  await say(c.id, 'agent', 'Let me check', '2026-03-29T08:02:00.000Z');
  await store.conversations.transfer(c.id, ann.id, bob.id);
  await store.conversations.close(c.id, 'agent', '2026-03-29T08:20:00.000Z');
  await store.conversations.rate(c.id, 3, null);
  // D: Bob closes, reopens, closes again at 900 s: not first contact either. Rated 4.
  const d = await chat('2026-03-29T12:00:00.000Z', bob, 10, 40, 300);
  await store.conversations.reopen(d.id, bob.id);
  await store.conversations.close(d.id, 'agent', '2026-03-29T12:15:00.000Z');
  await store.conversations.rate(d.id, 4, null);
  // E: the visitor gave up after two minutes in the queue: missed.
  const e = await start('2026-03-29T15:00:00.000Z');
  await store.conversations.close(e.id, 'visitor', '2026-03-29T15:02:00.000Z');
  // F: left while nobody was online (missed), became a ticket, answered by mail after an hour, solved after two.
  const f = await start('2026-03-29T18:00:00.000Z', 'offline');
  await store.tickets.open({
    ticket: {
      conversationId: f.id,
      siteId: site.id,
      visitorId: f.visitorId,
      status: 'open',
      source: 'offline',
      email: 'ada@example.com',
      assigneeId: null,
      replyToken: newId('mail'),
      rootMessageId: `<${f.id}@parley.test>`,
      lastMessageId: `<${f.id}@parley.test>`,
      now: '2026-03-29T18:00:00.000Z',
    },
    fromStatuses: ['offline'],
    mails: [],
  });
  await store.tickets.appendMessage({
    message: {
      id: newId('msg'),
      conversationId: f.id,
      clientMessageId: newId('msg'),
      author: { kind: 'agent', id: ann.id, name: ann.name },
      body: 'Answered by mail',
      now: '2026-03-29T19:00:00.000Z',
    },
    change: { status: 'pending', assigneeId: ann.id, lastActivityAt: '2026-03-29T19:00:00.000Z' },
    mails: () => [],
  });
  await store.tickets.update(f.id, { status: 'solved', solvedAt: '2026-03-29T20:00:00.000Z' });
  // G: 23:59:59 on the 29th in Berlin: still that day. Wait 20, reply 50, closed at 100, not rated.
  await chat('2026-03-29T21:59:59.000Z', ann, 20, 50, 100);
  // H: Berlin's next midnight: the 30th. Still waiting.
  await start('2026-03-29T22:00:00.000Z');
  return { siteId: site.id };
}
