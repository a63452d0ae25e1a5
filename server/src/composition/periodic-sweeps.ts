/**
 * @module The timers of a running server: the retention sweep (when RETENTION_DAYS and its interval
 * are set) and the absent-agents sweep, which every process runs as often as it renews its presence
 * lease. Both are unref'd: they never keep a stopping process alive. A new timer is one line here.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { AbsentAgents } from '../domain/absent-agents.ts';
import type { DataRetention, SweepReport } from '../domain/data-retention.ts';
import { coalesced } from '../domain/coalesced.ts';
import type { BotConversations } from '../domain/answer-bot/bot-conversations.ts';

/** answer bot (issue 22): how often waiting visitors are checked against their site's handoff timeout. */
const BOT_TIMEOUT_SWEEP_MS = 2000;

export interface PeriodicSweeps {
  /** One retention pass now; a pass already running is joined rather than run twice over the same rows. */
  retentionSweep: () => Promise<SweepReport>;
  stop(): void;
}

export function startPeriodicSweeps(deps: {
  config: Config;
  retention: DataRetention;
  absentAgents: AbsentAgents;
  botTimeouts: Pick<BotConversations, 'sweepTimeouts'>;
  logger: Logger;
}): PeriodicSweeps {
  const { config, logger } = deps;
  let sweeping: Promise<SweepReport> | undefined;
  const retentionSweep = (): Promise<SweepReport> => {
    sweeping ??= deps.retention
      .sweep()
      .then((report) => {
        if (report.conversations > 0 || report.visitors > 0) logger.info('retention sweep', { ...report });
        return report;
      })
      .finally(() => (sweeping = undefined));
    return sweeping;
  };
  const retentionTimer =
    config.retention.days > 0 && config.retention.intervalMs > 0
      ? setInterval(
          () => void retentionSweep().catch((error: unknown) => logger.error('retention sweep failed', { error })),
          config.retention.intervalMs,
        )
      : undefined;
  retentionTimer?.unref();

  // Every process sweeps as often as it renews its lease: a dead process's agents are seen offline
  // within the TTL plus one sweep, and their chats wait out the grace period from then.
  const sweepEveryMs = Math.max(250, (config.scale.presenceTtlSeconds * 1000) / 3);
  const sweepAbsent = coalesced(async () => {
    await deps.absentAgents.sweep();
  });
  const absentTimer = setInterval(() => {
    sweepAbsent().catch((error: unknown) => logger.warn('absent-agents sweep failed', { error }));
  }, sweepEveryMs);
  absentTimer.unref();

  // a bot that never answers (failed, slow) hands off: the visitor is not left waiting in silence
  const sweepBots = coalesced(async () => {
    await deps.botTimeouts.sweepTimeouts();
  });
  const botTimer = setInterval(() => {
    sweepBots().catch((error: unknown) => logger.warn('bot timeout sweep failed', { error }));
  }, BOT_TIMEOUT_SWEEP_MS);
  botTimer.unref();

  return {
    retentionSweep,
    stop() {
      clearInterval(absentTimer);
      clearInterval(botTimer);
      clearInterval(retentionTimer);
    },
  };
}
