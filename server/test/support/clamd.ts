/**
 * @module A real clamd for tests. `.ci/run` installs clamav-daemon; no signature download is possible
 * (only Debian and npm are reachable), so each clamd gets a database of one signature written here:
 * the EICAR test file, which every scanner is meant to detect and which is harmless. It listens on a
 * unix socket in a temporary folder. In CI a missing clamd fails the run; locally the suites are left
 * out with a message saying how to run them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLAMD = '/usr/sbin/clamd';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Whether the clamd suites run here. */
export const clamdAvailable = fs.existsSync(CLAMD) && spawnSync(CLAMD, ['--version']).status === 0;

if (!clamdAvailable) {
  if (inCi) throw new Error('CI must provide clamd: install clamav-daemon (see .ci/run)');
  process.stderr.write('ClamAV tests not run: install clamav-daemon (apt-get install clamav-daemon) to run them.\n');
}

/**
 * The EICAR anti-virus test file (68 bytes): harmless, detected by every scanner by agreement. Put
 * together at run time, so a scanner on a developer's machine does not quarantine this source file.
 */
export const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS', '-TEST-FILE!$H+H*'].join(''),
  'latin1',
);
export const EICAR_SIGNATURE = 'Parley.Test.EICAR';
/** What clamd reports: it marks signatures from a database it did not sign as unofficial. */
export const EICAR_FOUND = `${EICAR_SIGNATURE}.UNOFFICIAL`;

export interface OwnClamd {
  socketPath: string;
  /** CLAMAV_ADDRESS for this clamd. */
  address: string;
  stop(): Promise<void>;
}

/** Starts clamd with the EICAR-only database; resolves once it accepts connections. */
export async function startClamd(options: { streamMaxBytes?: number } = {}): Promise<OwnClamd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-clamd-'));
  const db = path.join(dir, 'db');
  fs.mkdirSync(db);
  // .ndb: name, any file type (0), anywhere (*), the bytes in hex
  fs.writeFileSync(path.join(db, 'parley-test.ndb'), `${EICAR_SIGNATURE}:0:*:${EICAR.toString('hex')}\n`);
  const socketPath = path.join(dir, 'clamd.sock');
  const conf = path.join(dir, 'clamd.conf');
  fs.writeFileSync(
    conf,
    [
      'Foreground yes',
      `LocalSocket ${socketPath}`,
      `DatabaseDirectory ${db}`,
      `StreamMaxLength ${options.streamMaxBytes ?? 110 * 1024 * 1024}`,
      'MaxThreads 4',
      // no self-check timer reloading the database mid-test
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  const child = spawn(CLAMD, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  await ready(child);
  return {
    socketPath,
    address: socketPath,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** clamd logs its limits and then starts accepting. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // its last line before it accepts (the socket listens from before the limits are logged)
      if (/Self checking/.test(output)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`clamd exited (${String(code)}) before it was ready:\n${output}`)));
    child.once('error', reject);
  });
}
