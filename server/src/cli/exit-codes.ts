/**
 * @module The `parley` command's exit codes (docs/cli.md lists them): scripts branch on these, so a
 * code never changes meaning. Every failure is a CliError carrying its code; anything else that
 * escapes a command is a plain failure (1).
 */
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import { DatabaseInUseError } from '../backup/database-lock.ts';
import { ConfigError } from '../config.ts';

export const ExitCode = {
  Ok: 0,
  /** Something went wrong: database unreachable, backup failed or invalid, an unexpected error. */
  Failure: 1,
  /** The command line or the configuration is wrong: unknown command or option, invalid value. */
  Usage: 2,
  /** What the command names does not exist: no such agent, site or file. */
  NotFound: 3,
  /** Refused by the state of things: email taken, last active admin, database in use, file exists. */
  Refused: 4,
  /** Not done by Parley on this database engine (backup and restore of PostgreSQL: pg_dump). */
  WrongEngine: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The exit code and one-line message for whatever a command threw. */
export function explainFailure(error: unknown): { exitCode: ExitCode; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  if (error instanceof ConfigError) return { exitCode: ExitCode.Usage, message: error.message };
  if (error instanceof DatabaseInUseError) return { exitCode: ExitCode.Refused, message: error.message };
  if (error instanceof ParleyError) {
    const issues = error.issues?.map((i) => `\n  ${i.path}: ${i.message}`).join('') ?? '';
    const exitCode =
      error.code === ErrorCode.NotFound
        ? ExitCode.NotFound
        : error.code === ErrorCode.Conflict
          ? ExitCode.Refused
          : error.code === ErrorCode.InvalidPayload
            ? ExitCode.Usage
            : ExitCode.Failure;
    return { exitCode, message: error.message + issues };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.Failure, message };
}
