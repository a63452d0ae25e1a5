/** Proactive chat for agents: what started a conversation, and inviting a live visitor. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { FakeChannel } from '../support/fake-channel.ts';
import { renderConsole } from '../support/render-console.tsx';
import { renderPage } from '../support/render-page.tsx';
import { makeLiveVisitor } from '../support/visitor-fixtures.ts';
import { AGENT } from '../support/fixtures.ts';

async function open(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(name) }));
  return screen.findByRole('region', { name });
}

describe('conversation origin', () => {
  it('says which rule or whose invite started a conversation, and nothing for one the visitor began', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'c1', visitorName: 'Grace' }, [{ author: 'visitor', body: 'hi' }]);
    channel.seed({ id: 'c2', visitorName: 'Linus' }, [{ author: 'visitor', body: 'hello' }]);
    channel.seed({ id: 'c3', visitorName: 'Ken' }, [{ author: 'visitor', body: 'hey' }]);
    channel.origins.set('c1', { kind: 'rule', ruleId: 'r1', ruleName: 'Pricing nudge' });
    channel.origins.set('c2', { kind: 'invite', inviteId: 'i1', agentId: AGENT.id, agentName: AGENT.name });
    await renderConsole({ channel });

    expect((await open('Grace')).textContent).toContain('Started from rule “Pricing nudge”');
    expect((await open('Linus')).textContent).toContain('Started by your invite');
    expect((await open('Ken')).textContent).not.toContain('Started');
  });

  it('shows it in the queue too, naming a colleague’s invite', async () => {
    const channel = new FakeChannel();
    channel.seed({ id: 'q1', status: 'queued', visitorName: 'Ann' }, [{ author: 'visitor', body: 'yes please' }]);
    channel.origins.set('q1', { kind: 'invite', inviteId: 'i1', agentId: 'agent-grace', agentName: 'Grace' });
    await renderConsole({ channel });
    const queue = screen.getByRole('region', { name: 'Queue' });
    expect(await within(queue).findByText('Started by Grace’s invite')).toBeTruthy();
  });
});

describe('inviting a live visitor', () => {
  it('sends the agent’s message to a visitor who is not chatting, and shows a refusal beside the message', async () => {
    const channel = new FakeChannel();
    channel.liveList = [
      makeLiveVisitor({ visitorId: 'v1', name: 'Grace' }),
      makeLiveVisitor({ visitorId: 'v2', name: 'Linus', chatting: true }),
    ];
    await renderPage('/console/visitors', { channel });
    const table = await screen.findByRole('table', { name: '2 visitors on your sites now' });
    expect(within(table).queryByRole('button', { name: 'Invite Linus' })).toBeNull();

    fireEvent.click(within(table).getByRole('button', { name: 'Invite Grace' }));
    const form = within(table).getByRole('form', { name: 'Invite Grace' });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(form).findByText('Write the message to show the visitor.')).toBeTruthy();
    expect(channel.invites).toEqual([]);

    fireEvent.input(within(form).getByLabelText('Message to show'), {
      target: { value: 'Need help choosing a plan?' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(table).findByText('Invitation shown.')).toBeTruthy();
    expect(channel.invites).toEqual([{ visitorId: 'v1', message: 'Need help choosing a plan?' }]);

    // the visitor left meanwhile: the server's refusal is shown where the agent acted
    channel.liveList = [];
    fireEvent.click(within(table).getByRole('button', { name: 'Invite Grace' }));
    const again = within(table).getByRole('form', { name: 'Invite Grace' });
    fireEvent.input(within(again).getByLabelText('Message to show'), { target: { value: 'Still there?' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Send invitation' }));
    expect(await within(again).findByText('This visitor is no longer on the site')).toBeTruthy();
  });
});
