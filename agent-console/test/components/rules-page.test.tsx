/** The Rules page in the full console: building a rule with AND / OR groups, refusals beside fields, the URL test, ordering, switching and deleting. */
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { ProactiveRule } from '@parley/shared';
import { AGENT, iso } from '../support/fixtures.ts';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { renderPage } from '../support/render-page.tsx';

afterEach(() => history.replaceState(null, '', '/'));

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });
const choose = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const fieldset = (container: HTMLElement, name: string) => within(container).getByRole('group', { name });

function storedRule(overrides: Partial<ProactiveRule> & { id: string; name: string; position: number }): ProactiveRule {
  return {
    siteId: 'site-1',
    enabled: true,
    conditions: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'exitIntent' }] }] },
    action: { message: 'Wait!', sender: { kind: 'site' }, openPanel: false, delaySeconds: 0 },
    frequency: 'session',
    cooldownMinutes: 0,
    stats: { fired: 0, shown: 0, opened: 0, replied: 0 },
    createdAt: iso(0),
    updatedAt: iso(0),
    ...overrides,
  };
}

describe('rules page', () => {
  it('builds a rule with AND / OR groups, previews it, and saves exactly what was built', async () => {
    const server = new FakeAdminServer();
    server.agents.push({
      id: 'agent-grace',
      email: 'grace@example.com',
      name: 'Grace',
      role: 'agent',
      capacity: 3,
      active: true,
      createdAt: iso(0),
    });
    await renderPage('/console/admin/rules', { server });
    expect(await screen.findByText(/No rules yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });

    type(within(form).getByLabelText('Rule name'), 'Pricing nudge');
    const group1 = fieldset(form, 'Group 1');
    const first = fieldset(group1, 'Condition 1');
    choose(within(first).getByLabelText('Operator'), 'wildcard');
    type(within(first).getByLabelText('Value'), '/pricing*');
    fireEvent.click(within(group1).getByRole('button', { name: 'Add condition to group 1' }));
    const second = fieldset(group1, 'Condition 2');
    expect(within(second).getByLabelText<HTMLSelectElement>('Condition').value).toBe('timeOnPage');
    type(within(second).getByLabelText('Seconds, at least'), '45');

    fireEvent.click(within(form).getByRole('button', { name: 'Add group' }));
    const group2 = fieldset(form, 'Group 2');
    choose(within(group2).getByLabelText('Condition'), 'utm');
    choose(within(group2).getByLabelText('Parameter'), 'source');
    type(within(group2).getByLabelText('Value'), 'newsletter');
    fireEvent.click(within(group2).getByRole('button', { name: 'Add condition to group 2' }));
    choose(within(fieldset(group2, 'Condition 2')).getByLabelText('Condition'), 'device');
    choose(within(group2).getByLabelText('Device'), 'mobile');
    choose(within(group2).getByLabelText('Group 2 holds when'), 'any');
    choose(within(form).getByLabelText('Show when'), 'any');

    type(within(form).getByLabelText('Message'), 'Questions about plans?');
    choose(within(form).getByLabelText('Sent as'), 'agent-grace');
    const preview = within(form).getByRole('figure', { name: 'Preview of the message' });
    expect(preview.textContent).toBe('GraceQuestions about plans?');
    fireEvent.click(within(form).getByLabelText('Open the chat panel too'));
    type(within(form).getByLabelText('Delay in seconds'), '5');
    choose(within(form).getByLabelText('Frequency'), 'visitor');
    type(within(form).getByLabelText('Cooldown in minutes'), '30');

    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    const table = await screen.findByRole('table', { name: 'Rules' });
    expect(within(table).getByRole('rowheader', { name: 'Pricing nudge' })).toBeTruthy();
    expect(screen.getByText('Rule “Pricing nudge” added.').getAttribute('role')).toBe('status');
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Pricing nudge',
      enabled: true,
      conditions: {
        match: 'any',
        groups: [
          {
            match: 'all',
            conditions: [
              { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' },
              { field: 'timeOnPage', seconds: 45 },
            ],
          },
          {
            match: 'any',
            conditions: [
              { field: 'utm', parameter: 'source', operator: 'equals', value: 'newsletter' },
              { field: 'device', value: 'mobile' },
            ],
          },
        ],
      },
      action: {
        message: 'Questions about plans?',
        sender: { kind: 'agent', agentId: 'agent-grace' },
        openPanel: true,
        delaySeconds: 5,
      },
      frequency: 'visitor',
      cooldownMinutes: 30,
    });
    // some twenty fields filled one by one, each re-rendering the form: more than the default 5 s on a busy machine
  }, 20_000);

  it('refuses an invalid rule beside the fields that are wrong, before sending it', async () => {
    const { server } = await renderPage('/console/admin/rules');
    fireEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    type(within(form).getByLabelText('Rule name'), 'Broken');
    const condition = fieldset(form, 'Condition 1');
    choose(within(condition).getByLabelText('Operator'), 'regex');
    type(within(condition).getByLabelText('Value'), '(unclosed');
    type(within(form).getByLabelText('Delay in seconds'), '');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));

    expect(await within(condition).findByText(/^is not a valid regular expression/)).toBeTruthy();
    expect(within(condition).getByLabelText('Value').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Message').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('must not be empty')).toBeTruthy();
    expect(within(form).getByLabelText('Delay in seconds').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toBe('The rule needs fixing: see the marked fields.');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('tests the conditions against a URL with the widget’s matcher and names what a URL cannot tell', async () => {
    await renderPage('/console/admin/rules');
    fireEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    const condition = fieldset(form, 'Condition 1');
    choose(within(condition).getByLabelText('Operator'), 'wildcard');
    type(within(condition).getByLabelText('Value'), '/pricing*');
    const tester = fieldset(form, 'Test against this URL');
    const url = within(tester).getByLabelText('Page URL to test');
    const result = () => within(tester).getByRole('status').textContent;

    type(url, 'https://shop.example/Pricing/teams?x=1#top');
    expect(result()).toBe('Matches: on this page the rule’s conditions hold.');
    type(url, 'https://shop.example/docs');
    expect(result()).toBe('Does not match: the rule never fires on this page.');

    fireEvent.click(within(form).getByRole('button', { name: 'Add condition to group 1' }));
    type(url, 'https://shop.example/pricing');
    expect(result()).toBe(
      'Could match: the URL conditions allow it; the rest is decided in the visitor’s browser. Not judged from a URL: Time on page.',
    );
  });

  it('shows counts and conversion, reorders with the keyboard-reachable buttons, switches off and deletes', async () => {
    const server = new FakeAdminServer();
    server.rules = [
      storedRule({ id: 'r1', name: 'Exit offer', position: 0, stats: { fired: 40, shown: 20, opened: 6, replied: 5 } }),
      storedRule({ id: 'r2', name: 'Docs help', position: 1 }),
    ];
    await renderPage('/console/admin/rules', { server, agent: { ...AGENT, role: 'admin' } });
    const table = await screen.findByRole('table', { name: 'Rules' });
    const row = (name: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(`^${name}`) })
        .closest('tr') as HTMLElement;
    expect([...row('Exit offer').querySelectorAll('td')].slice(1, 6).map((cell) => cell.textContent)).toEqual([
      '40',
      '20',
      '6',
      '5',
      '25%',
    ]);
    expect([...row('Docs help').querySelectorAll('td')][5]?.textContent).toBe('–');
    expect(within(table).getByRole<HTMLButtonElement>('button', { name: 'Move Exit offer up' }).disabled).toBe(true);

    const down = within(table).getByRole('button', { name: 'Move Exit offer down' });
    down.focus();
    fireEvent.click(down);
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Docs help', 'Exit offer']),
    );
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ ruleIds: ['r2', 'r1'] });
    // the moved rule keeps the focus, on the button still usable
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Exit offer up'));

    fireEvent.click(within(table).getByRole('switch', { name: 'Docs help enabled' }));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Docs help (off)', 'Exit offer']),
    );
    expect(server.rules.find((r) => r.id === 'r2')?.enabled).toBe(false);

    fireEvent.click(within(table).getByRole('button', { name: 'Delete Exit offer' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Exit offer”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Docs help (off)']),
    );
    expect(server.rules.map((r) => r.id)).toEqual(['r2']);
  });

  it('edits a rule in place', async () => {
    const server = new FakeAdminServer();
    server.rules = [storedRule({ id: 'r1', name: 'Exit offer', position: 0 })];
    await renderPage('/console/admin/rules', { server });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Exit offer' }));
    const form = screen.getByRole('form', { name: 'Edit rule “Exit offer”' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Condition').value).toBe('exitIntent');
    type(within(form).getByLabelText('Rule name'), 'Exit offer v2');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Rule “Exit offer v2” saved.');
    expect(server.rules[0]?.name).toBe('Exit offer v2');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('is for admins only', async () => {
    await renderPage('/console/admin/rules', { agent: AGENT });
    expect(screen.getByRole('alert').textContent).toMatch(/Only admins can open this page/);
  });
});
