/**
 * @module Start-up failures an operator fixes in their environment, said in one line with what to do:
 * a port in use, a port that needs privileges, an address this machine does not have. Anything else
 * is not explained here and keeps its stack trace.
 */
import type { Config } from './config.ts';

interface ListenError {
  code: string;
  address?: string;
  port?: number;
}

function isListenError(error: unknown): error is ListenError {
  return (
    error instanceof Error &&
    'syscall' in error &&
    error.syscall === 'listen' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

/** The setting that chose `port`, so the message can say which one to change. */
function settingFor(port: number | undefined, config: Config): string {
  if (port !== undefined && port === config.email.inboundSmtp?.port && port !== config.port) return 'INBOUND_SMTP_PORT';
  return 'PORT';
}

/** One line for an error the operator can fix, or undefined for anything else. */
export function explainStartupError(error: unknown, config: Config): string | undefined {
  if (!isListenError(error)) return undefined;
  const setting = settingFor(error.port, config);
  const where = `port ${error.port ?? '?'} on ${error.address ?? 'this machine'}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Parley cannot start: ${where} is already in use (another program, or another Parley, is listening there). Stop it, or set ${setting} to a free port (${setting}=0 picks one).`;
    case 'EACCES':
      return `Parley cannot start: ${where} needs privileges this user lacks (ports below 1024 do). Set ${setting} to 1024 or above and put a proxy in front, or grant the capability to bind it.`;
    case 'EADDRNOTAVAIL':
      return `Parley cannot start: ${error.address ?? 'the address'} is not an address of this machine. Set HOST to one of its addresses, or 0.0.0.0 for all of them.`;
    default:
      return undefined;
  }
}
