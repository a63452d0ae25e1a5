/**
 * A start that cannot work stops at once with one line saying what is wrong and what to do, and
 * exit code 1: a blank or bad PORT (a blank one used to mean a random port, silently), and a port
 * another program holds (it used to print a stack trace).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from './support/test-server.ts';
import { runServerToExit } from './support/server-process.ts';

const occupied: net.Server[] = [];
afterEach(async () => {
  await Promise.all(occupied.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A port some other program is listening on. */
async function takenPort(): Promise<number> {
  const server = net.createServer();
  occupied.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const lines = (text: string) => text.trim().split('\n');

describe('Parley refuses a start that cannot work, in one line', () => {
  it('an empty PORT', async () => {
    const result = await runServerToExit({ PORT: '', PARLEY_DATA_DIR: makeDataDir() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      'Invalid configuration:',
      '  PORT: is set but empty: unset it for 3000, or give a port number (0 picks a free one)',
    ]);
  });

  it('a PORT that is not a port number', async () => {
    const result = await runServerToExit({ PORT: '80a', PARLEY_DATA_DIR: makeDataDir() });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'Invalid configuration:',
      '  PORT: "80a" is not a port number: give a whole number from 0 to 65535 (0 picks a free one)',
    ]);
  });

  it('a PORT another program is listening on: which port, and what to do', async () => {
    const port = await takenPort();
    const result = await runServerToExit({ PORT: String(port), PARLEY_DATA_DIR: makeDataDir() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      `Parley cannot start: port ${port} on 127.0.0.1 is already in use (another program, or another Parley, is listening there). Stop it, or set PORT to a free port (PORT=0 picks one).`,
    ]);
  });

  it('an INBOUND_SMTP_PORT in use names that setting, not PORT', async () => {
    const port = await takenPort();
    const result = await runServerToExit({ INBOUND_SMTP_PORT: String(port), PARLEY_DATA_DIR: makeDataDir() });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      `Parley cannot start: port ${port} on 127.0.0.1 is already in use (another program, or another Parley, is listening there). Stop it, or set INBOUND_SMTP_PORT to a free port (INBOUND_SMTP_PORT=0 picks one).`,
    ]);
  });
});
