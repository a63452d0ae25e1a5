/**
 * @module What every `parley` command runs on: the server's own configuration (config.ts, so
 * DATABASE_URL picks PostgreSQL or SQLite exactly as for the server), a logger on stderr, the
 * store, and the domain services a command calls, so a rule (password length, the last admin,
 * ending sessions on a password reset) has one implementation, the one the console uses.
 */
import { loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { openConfiguredStore } from '../store/sql/open-sql-store.ts';
import { EventHub } from '../domain/events.ts';
import { QueueDispatcher } from '../domain/queue-dispatcher.ts';
import { AgentDirectory } from '../domain/agent-directory.ts';
import { LocalAgentPresence } from '../scale/agent-presence.ts';

export interface CliContext {
  config: Config;
  logger: Logger;
  now: () => Date;
}

export function loadCliContext(): CliContext {
  const config = loadConfig();
  // stderr: stdout carries the command's result; warnings and errors only, a command is not a server
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'warn', process.stderr);
  return { config, logger, now: () => new Date() };
}

/** Opens the configured store (applying any pending migrations, as the server does), runs `work`, closes it. */
export async function withStore<T>(context: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(context.config, context.logger);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * The console's agent directory on this store. Its events reach no sockets from here: a running
 * server notices what changed when it next reads the store (a signed-out agent's next action is
 * refused, requeued chats are routed at the queue's next change).
 */
export function agentDirectory(store: Store, context: CliContext): AgentDirectory {
  const events = new EventHub((error) => context.logger.error('event subscriber failed', { error }));
  const dispatcher = new QueueDispatcher({
    store,
    presence: new LocalAgentPresence(),
    events,
    now: context.now,
    onError: (error) => context.logger.warn('queue announcement failed', { error }),
  });
  return new AgentDirectory({ store, events, dispatcher, now: context.now });
}
