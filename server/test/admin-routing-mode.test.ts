/**
 * An admin switches a site between automatic and manual routing over REST: manual leaves new chats
 * in the queue for an Accept, and switching back hands the waiting ones out at once.
 */
import { describe, expect, it } from 'vitest';
import {
  SiteAdminResponseSchema,
  SiteListResponseSchema,
  type AgentSyncResult,
  type ConversationSummary,
  type QueueUpdate,
} from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { call, nextEvent } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';

const t = useTestServer();

describe('routing mode in the site settings', () => {
  it('keeps chats for an Accept while manual and assigns them once automatic again', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const demo = SiteListResponseSchema.parse((await admin('GET', '/api/admin/sites')).body).sites[0];
    if (!demo) throw new Error('no demo site');
    expect(demo.routingMode).toBe('automatic');

    const ann = await agentOnline(t, 'Ann');
    const manual = await admin('PATCH', `/api/admin/sites/${demo.id}`, { routingMode: 'manual' });
    expect(manual.status).toBe(200);
    expect(SiteAdminResponseSchema.parse(manual.body).site.routingMode).toBe('manual');

    const queued = nextEvent<QueueUpdate>(ann.socket, 'queue:updated', (u) => u.queue.length === 1);
    const visitor = await visitorWrites(t, 'Anyone there?');
    expect(visitor.conversation.status).toBe('queued');
    expect((await queued).queue[0]).toMatchObject({ id: visitor.conversation.id, routingMode: 'manual' });

    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const back = await admin('PATCH', `/api/admin/sites/${demo.id}`, { routingMode: 'automatic' });
    expect(SiteAdminResponseSchema.parse(back.body).site.routingMode).toBe('automatic');
    expect((await assigned).id).toBe(visitor.conversation.id);
    const sync = await call<AgentSyncResult>(ann.socket, 'agent:sync', {});
    expect(sync.queue).toEqual([]);
    expect(sync.conversations.map((c) => c.id)).toEqual([visitor.conversation.id]);
  });

  it('refuses a routing mode it does not know, naming the field', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const demo = SiteListResponseSchema.parse((await admin('GET', '/api/admin/sites')).body).sites[0];
    const res = await admin('PATCH', `/api/admin/sites/${demo?.id ?? ''}`, { routingMode: 'round-robin' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('routingMode');
  });
});
