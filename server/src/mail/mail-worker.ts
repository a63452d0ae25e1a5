/**
 * @module The mail worker's beat: turns overdue queued chats into tickets, composes due digests and
 * transcripts, and sends what the outbox holds. Runs on an interval, or only when asked (tests move
 * a clock and call tick(), so nothing waits on real time). Ticks never overlap within a process.
 */
import type { Logger } from '../logger.ts';
import type { Tickets } from '../domain/tickets.ts';
import type { MailJobs } from './mail-jobs.ts';
import type { OutboxSender, SendReport } from './outbox-sender.ts';

export interface TickReport extends SendReport {
  ticketsOpened: number;
  composed: number;
}

export class MailWorker {
  readonly #deps: { tickets: Tickets; jobs: MailJobs; sender: OutboxSender; logger: Logger };
  #running: Promise<TickReport> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: { tickets: Tickets; jobs: MailJobs; sender: OutboxSender; logger: Logger }) {
    this.#deps = deps;
  }

  /** One pass over everything due; a call during a pass gets that pass's report. */
  tick(): Promise<TickReport> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Ticks every `intervalMs`; 0 leaves ticking to the caller. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.#deps.logger.error('mail worker tick failed', { error }));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops ticking and waits for a pass under way. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #pass(): Promise<TickReport> {
    const opened = await this.#deps.tickets.convertOverdue();
    const composed = await this.#deps.jobs.runDue();
    const sent = await this.#deps.sender.sendDue();
    return { ticketsOpened: opened.length, composed, ...sent };
  }
}
