/**
 * @module Where a new password comes from: standard input with --password-stdin (never a flag, which
 * would sit in the shell history and the process list), else a generated one shown once. Checked by
 * the console's own rule (the shared schema), so the CLI accepts no password the console would refuse.
 */
import { randomBytes } from 'node:crypto';
import { ResetPasswordRequestSchema } from '@parley/shared';
import { CliError, ExitCode } from './exit-codes.ts';

export interface NewPassword {
  password: string;
  /** True when Parley made it up: it must be shown, once. */
  generated: boolean;
}

export async function newPassword(fromStdin: boolean): Promise<NewPassword> {
  if (!fromStdin) {
    // hex, as at first start: nothing that reads like a flag or breaks when copied from a terminal
    return { password: randomBytes(10).toString('hex'), generated: true };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // one trailing newline is how `echo` and password managers end it, not part of the password
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  const parsed = ResetPasswordRequestSchema.safeParse({ password });
  if (!parsed.success) {
    throw new CliError(ExitCode.Usage, `The password from stdin ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
  return { password, generated: false };
}
