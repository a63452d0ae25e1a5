/**
 * The bot report's split per kind of bot (bot-external): each kind's counts with its containment and
 * escalation rates, and a dash where it handled nothing.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import { BotModeTable } from '../../src/pages/admin/bot-mode-table.tsx';

describe('bot report per kind of bot', () => {
  it('shows containment and escalation of the built-in and the external bot', () => {
    render(
      <BotModeTable
        byMode={{
          builtin: { handled: 0, resolved: 0, containmentRate: null, handedOff: 0, escalationRate: null },
          external: { handled: 4, resolved: 3, containmentRate: 0.75, handedOff: 1, escalationRate: 0.25 },
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Per kind of bot' });
    const external = within(table).getByRole('row', { name: /External bot/ });
    expect(
      within(external)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['4', '3 (75 %)', '1 (25 %)']);
    const builtin = within(table).getByRole('row', { name: /Built-in answer bot/ });
    expect(within(builtin).getAllByRole('cell')[0]?.textContent).toBe('0');
  });
});
