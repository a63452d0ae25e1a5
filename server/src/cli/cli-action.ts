/**
 * @module The frame of every command: reads the configuration, gives the body its positional
 * arguments, options (--json among them) and an Output, and leaves failures to main.ts, which turns
 * them into an exit code.
 */
import type { Command } from 'commander';
import { createOutput, type Output } from './cli-output.ts';
import { loadCliContext, type CliContext } from './cli-context.ts';

export interface CommandIo {
  context: CliContext;
  out: Output;
  /** Positional arguments, in the order the command declares them. */
  args: unknown[];
  /** The command's options and the program's (--json). */
  options: Record<string, unknown>;
}

export function action(body: (io: CommandIo) => Promise<void>): (...received: unknown[]) => Promise<void> {
  return async (...received) => {
    const command = received.at(-1) as Command;
    const options = command.optsWithGlobals<Record<string, unknown>>();
    const out = createOutput({ json: options.json === true });
    await body({ context: loadCliContext(), out, args: command.processedArgs as unknown[], options });
  };
}

/** An option or argument commander guarantees is a string (declared with <value>). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
