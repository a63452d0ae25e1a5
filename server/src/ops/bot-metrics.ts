/**
 * @module The answer bot's Prometheus metrics (issue 22): outcomes of the conversations bots started
 * in the last 24 hours (resolved by the bot, handed off by reason, still open), read from the database
 * at scrape time, at most once a minute; and the same per kind of bot (built-in, external).
 */
import { Gauge, type Registry } from 'prom-client';
import type { LastDayOutcomes } from '../domain/answer-bot/bot-reports.ts';

const CACHE_MS = 60_000;

type Outcomes = LastDayOutcomes;

export function registerBotMetrics(registry: Registry, sources: { lastDay(): Promise<Outcomes>; now(): Date }): void {
  let cached: { at: number; value: Promise<Outcomes> } | undefined;
  const lastDay = () => {
    const now = sources.now().getTime();
    if (!cached || now - cached.at >= CACHE_MS) {
      const value = sources.lastDay();
      cached = { at: now, value };
      // a failed read is not kept: the next scrape asks again
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
  new Gauge({
    name: 'parley_bot_conversations_last_day',
    help: 'Conversations an answer bot started in the last 24 hours, by outcome (resolved, handed_off, open) and handoff reason.',
    labelNames: ['outcome', 'reason'],
    registers: [registry],
    async collect() {
      try {
        const day = await lastDay();
        this.set({ outcome: 'resolved', reason: '' }, day.resolved);
        this.set({ outcome: 'open', reason: '' }, day.open);
        for (const [reason, n] of Object.entries(day.handedOffBy)) this.set({ outcome: 'handed_off', reason }, n);
      } catch {
        // the database is unreachable: storage errors and /readyz say so; keep the last figures
      }
    },
  });
  // bot-external: the same per kind of bot, for containment and escalation of each
  new Gauge({
    name: 'parley_bot_conversations_last_day_by_mode',
    help: 'Conversations an answer bot started in the last 24 hours, by kind of bot (builtin, external) and outcome.',
    labelNames: ['mode', 'outcome'],
    registers: [registry],
    async collect() {
      try {
        const day = await lastDay();
        for (const [mode, figures] of Object.entries(day.byMode)) {
          this.set({ mode, outcome: 'resolved' }, figures.resolved);
          this.set({ mode, outcome: 'handed_off' }, figures.handedOff);
          this.set({ mode, outcome: 'open' }, figures.open);
        }
      } catch {
        // as above
      }
    },
  });
}
