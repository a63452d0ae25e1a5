/**
 * @module The answer bot's Prometheus metrics (issue 22): outcomes of the conversations bots started
 * in the last 24 hours (resolved by the bot, handed off by reason, still open), read from the database
 * at scrape time, at most once a minute.
 */
import { Gauge, type Registry } from 'prom-client';
import type { outcomes } from '../domain/answer-bot/bot-reports.ts';

const CACHE_MS = 60_000;

type Outcomes = ReturnType<typeof outcomes>;

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
}
