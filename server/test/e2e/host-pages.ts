/**
 * @module A stand-in for a customer's website in the browser tests: a tiny node:http server on
 * port 0, on another origin than Parley, serving fixed pages and files with the headers a test
 * asks for (a strict CSP, say). Its origin is added to the demo site's allowed origins.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestServer } from '../support/test-server.ts';

export interface HostFile {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.ts': 'text/plain', '.map': 'application/json' };

/**
 * Serves `files` by path; paths under `dirs` keys are read from the matching folder (e.g. `/npm/`
 * from widget/dist/npm). Everything else is a 404.
 */
export async function startHostSite(
  t: TestServer,
  files: Record<string, HostFile>,
  dirs: Record<string, string> = {},
): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.test');
    const file = files[url.pathname];
    if (file) {
      res.writeHead(200, { 'content-type': file.type ?? 'text/html; charset=utf-8', ...file.headers });
      res.end(file.body);
      return;
    }
    for (const [prefix, dir] of Object.entries(dirs)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const full = path.join(dir, path.normalize(url.pathname.slice(prefix.length)));
      if (full.startsWith(dir) && fs.existsSync(full) && fs.statSync(full).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(full)] ?? 'application/octet-stream' });
        res.end(fs.readFileSync(full));
        return;
      }
    }
    // browsers ask for a favicon on their own; a 404 for it would read as a page problem
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const demo = await t.server.store.sites.findDemo();
  if (!demo) throw new Error('no demo site');
  await t.server.store.sites.setAllowedOrigins(demo.id, [...demo.allowedOrigins, origin]);
  return {
    origin,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An HTML page around `body`, with `head` (links, scripts) in its head. */
export function html(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>${head}</head><body>${body}</body></html>`;
}

export const js = (body: string): HostFile => ({ body, type: 'text/javascript' });
export const css = (body: string): HostFile => ({ body, type: 'text/css' });
