/**
 * @module Entry point: read the configuration, open the store, start Parley on it with the system clock,
 * say where it is, stop cleanly on a signal.
 */
import { ConfigError, loadConfig } from './config.ts';
import { startParley } from './app.ts';
import { createLogger } from './logger.ts';
import { openConfiguredStore } from './store/sql/open-sql-store.ts';
import { explainStartupError } from './startup-errors.ts';
import { DatabaseInUseError } from './backup/database-lock.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const store = await openConfiguredStore(config, logger).catch((error: unknown) => {
    // `parley restore` is replacing the SQLite file: say so in one line, not with a stack
    if (!(error instanceof DatabaseInUseError)) throw error;
    process.stderr.write(`Parley cannot start: ${error.message}\n`);
    process.exit(1);
  });
  const server = await startParley(config, { store, now: () => new Date(), logger }).catch((error: unknown) => {
    const explained = explainStartupError(error, config);
    if (explained === undefined) throw error;
    process.stderr.write(`${explained}\n`);
    process.exit(1);
  });
  const lines = [
    '',
    `  Parley is running (${store.engine}).`,
    `  Demo page with the widget:  ${server.url}/`,
    `  Agent console:              ${server.url}/console/`,
  ];
  const admin = server.bootstrap.createdAdmin;
  if (admin) {
    lines.push(
      admin.generatedPassword
        ? `  Admin sign-in:              ${admin.email} / ${admin.generatedPassword}   (shown once: note it down)`
        : `  Admin sign-in:              ${admin.email} / (PARLEY_ADMIN_PASSWORD)`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Parley failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
