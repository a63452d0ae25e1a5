/**
 * @module The example external bot (examples/external-bot/bot.mjs) as a child process on port 0, the
 * way a developer runs it; stopped by the test that started it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/external-bot/bot.mjs');

export interface ExampleBot {
  url: string;
  stop(): Promise<void>;
}

export function startExampleBot(env: { PARLEY_URL: string; PARLEY_BOT_SECRET: string; PARLEY_BOT_TOKEN: string }) {
  const child = spawn(process.execPath, [BOT], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise<ExampleBot>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], stop });
    });
    child.once('exit', (code) => reject(new Error(`the example bot exited (${String(code)}): ${out}`)));
  });
}
