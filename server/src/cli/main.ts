/**
 * @module The `parley` command: administration from a shell, on the configuration the server reads
 * (docs/cli.md). Commander parses the command line: subcommands, generated --help, and usage errors
 * are its craft; each command's body lives in the module named after what it works on.
 */
import { Command, CommanderError } from 'commander';
import { registerAgentCommands } from './agent-commands.ts';
import { registerDatabaseCommands } from './database-commands.ts';
import { registerExportCommand } from './export-command.ts';
import { registerTokenCommand } from './token-command.ts';
import { ExitCode, explainFailure } from './exit-codes.ts';

function buildProgram(): Command {
  const program = new Command('parley')
    .description(
      'Administer Parley from a shell. Reads the same environment as the server (PARLEY_DATA_DIR, DATABASE_URL, …).',
    )
    .option('--json', 'print the result as JSON on stdout (progress and notes stay on stderr)')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 not found, 4 refused (conflicts with the\n' +
        'current state, e.g. database in use), 5 not done by Parley on this database engine. See docs/cli.md.',
    );
  registerAgentCommands(program);
  registerDatabaseCommands(program);
  registerTokenCommand(program);
  registerExportCommand(program);
  // every command, however deep, reports usage errors through the exception below, not process.exit
  const exitOverride = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are answers, not failures; commander has printed its message already
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const { exitCode, message } = explainFailure(error);
    process.stderr.write(`parley: ${message}\n`);
    if (exitCode === ExitCode.Failure && process.env.PARLEY_CLI_TRACE === '1' && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    return exitCode;
  }
}

const code = await main(process.argv);
// stdout may be a pipe still draining: exit once it has taken everything
process.stdout.write('', () => process.exit(code));
