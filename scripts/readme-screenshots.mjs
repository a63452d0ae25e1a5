// `node scripts/readme-screenshots.mjs`: starts the built Parley on a free port with a throwaway data
// directory, plays a short conversation between a visitor (demo page) and an agent (console) in
// Chromium, and writes the README's pictures to docs/images/. Run it after a UI change and look at them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureBuilt, ensureInstalled, root } from './workspace.mjs';

ensureInstalled();
ensureBuilt();
// playwright-core is a dev dependency of the server package (its browser tests use it)
const { chromium } = createRequire(path.join(root, 'server/package.json'))('playwright-core');

const out = path.join(root, 'docs/images');
fs.mkdirSync(out, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-screenshots-'));
const admin = { email: 'ada@example.com', password: 'screenshots only' };

const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_ADMIN_EMAIL: admin.email,
    PARLEY_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (chunk) => {
    seen += chunk;
    const match = /Demo page with the widget:\s+(http:\/\/\S+?)\/?\s/.exec(seen);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it printed its address`)));
});

const browser = await chromium.launch({
  executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run'],
});
try {
  const visitor = await (await browser.newContext({ viewport: { width: 560, height: 760 } })).newPage();
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage();

  await agent.goto(`${url}/console/`);
  await agent.getByLabel('Email').fill(admin.email);
  await agent.getByLabel('Password').fill(admin.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByText('Connected').waitFor();

  await visitor.goto(`${url}/`);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor
    .getByRole('textbox', { name: 'Message' })
    .fill('Hi! My order #1042 has not shipped yet. Can you check?');
  await visitor.getByRole('button', { name: 'Send' }).click();

  const accept = agent.getByRole('button', { name: /^Accept chat with / });
  const item = agent.getByRole('button', { name: /order #1042/ }).first();
  await Promise.race([accept.waitFor(), item.waitFor()]);
  if (await accept.isVisible()) await accept.click();
  else await item.click();
  await agent.getByRole('log').getByText('order #1042').waitFor();
  await agent
    .getByRole('textbox', { name: 'Message' })
    .fill('Hello! It left our warehouse this morning: you will get the tracking link by email today.');
  await agent.keyboard.press('Enter');
  await visitor.getByRole('log').getByText('tracking link').waitFor();
  await agent.getByRole('log').getByText('tracking link').waitFor();

  await visitor.screenshot({ path: path.join(out, 'widget.png') });
  await agent.screenshot({ path: path.join(out, 'console.png') });
  // one picture for the README: the visitor's page beside the agent's console
  const both = await (await browser.newContext({ viewport: { width: 1844, height: 760 } })).newPage();
  const image = (file) => `data:image/png;base64,${fs.readFileSync(path.join(out, file)).toString('base64')}`;
  await both.setContent(
    `<body style="margin:0;display:flex;gap:8px;background:#d0d4da;padding:8px">` +
      `<img src="${image('widget.png')}" style="height:744px"><img src="${image('console.png')}" style="height:744px"></body>`,
  );
  await both.screenshot({ path: path.join(out, 'overview.png') });
  for (const file of ['widget.png', 'console.png']) fs.rmSync(path.join(out, file));
  process.stdout.write(`wrote ${path.relative(root, path.join(out, 'overview.png'))}\n`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
