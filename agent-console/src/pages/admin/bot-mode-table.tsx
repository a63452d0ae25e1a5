/**
 * @module The answer bot report's split per kind of bot (bot-external): how many conversations the
 * built-in bot and the site's external bot handled, and each one's containment and escalation.
 */
import type { BotReport } from '@parley/shared';
import { formatRate } from './report-format.ts';

const MODES = [
  ['builtin', 'Built-in answer bot'],
  ['external', 'External bot'],
] as const;

export function BotModeTable({ byMode }: { byMode: BotReport['byMode'] }) {
  return (
    <table class="admin-table">
      <caption>Per kind of bot</caption>
      <thead>
        <tr>
          <th scope="col">Bot</th>
          <th scope="col">Handled</th>
          <th scope="col">Resolved (containment)</th>
          <th scope="col">Handed to the team (escalation)</th>
        </tr>
      </thead>
      <tbody>
        {MODES.map(([mode, label]) => {
          const figures = byMode[mode];
          return (
            <tr key={mode}>
              <th scope="row">{label}</th>
              <td>{figures.handled}</td>
              <td>
                {figures.resolved} ({formatRate(figures.containmentRate)})
              </td>
              <td>
                {figures.handedOff} ({formatRate(figures.escalationRate)})
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
