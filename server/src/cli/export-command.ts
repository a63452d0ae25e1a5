/**
 * @module `parley export site <site>`: one site's data as JSON lines, one record a line, each with
 * a `type` (site, visitor, conversation, ticket, message, help-category, article) and a last line
 * `{"type":"end","counts":…}`, so a reader knows the export is whole. Read through the stores the
 * server reads with (the same records the console and the privacy export see); never a secret
 * (the site's identity secret, a ticket's reply token). Pages through the site, so memory stays
 * flat however large it is; to a file, it is written beside it and renamed when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { Store } from '../store/store.ts';
import type { SiteRecord } from '../store/site-store.ts';
import { action, text } from './cli-action.ts';
import { withStore } from './cli-context.ts';
import type { Output } from './cli-output.ts';
import { CliError, ExitCode } from './exit-codes.ts';

const PAGE = 200;

type Counts = Record<'visitors' | 'conversations' | 'tickets' | 'messages' | 'helpCategories' | 'articles', number>;

async function writeLine(stream: Writable, record: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
}

async function findSite(store: Store, idOrKey: string): Promise<SiteRecord> {
  const site = (await store.sites.findById(idOrKey)) ?? (await store.sites.findByKey(idOrKey));
  if (!site) throw new CliError(ExitCode.NotFound, `No site ${idOrKey} (give its id or its site key)`);
  return site;
}

async function exportSite(store: Store, site: SiteRecord, stream: Writable, out: Output): Promise<Counts> {
  const counts: Counts = { visitors: 0, conversations: 0, tickets: 0, messages: 0, helpCategories: 0, articles: 0 };
  const { identitySecret: _secret, ...publicSite } = site;
  await writeLine(stream, { type: 'site', site: publicSite });

  for (let after = ''; ;) {
    const ids = await store.siteExport.visitorIds(site.id, after, PAGE);
    for (const visitor of await store.visitors.findManyById(ids)) await writeLine(stream, { type: 'visitor', visitor });
    counts.visitors += ids.length;
    out.progress(`Exporting: ${counts.visitors} visitors`);
    if (ids.length < PAGE) break;
    after = ids.at(-1) ?? after;
  }

  for (let after = ''; ;) {
    const ids = await store.siteExport.conversationIds(site.id, after, PAGE);
    for (const id of ids) {
      const conversation = await store.conversations.findById(id);
      if (!conversation) continue; // deleted by retention meanwhile
      await writeLine(stream, { type: 'conversation', conversation });
      counts.conversations++;
      const ticket = await store.tickets.findByConversation(id);
      if (ticket) {
        const { replyToken: _token, ...publicTicket } = ticket;
        await writeLine(stream, { type: 'ticket', ticket: publicTicket });
        counts.tickets++;
      }
      for (let seq = 0; ;) {
        const messages = await store.messages.listAfter(id, seq, PAGE);
        for (const message of messages) await writeLine(stream, { type: 'message', message });
        counts.messages += messages.length;
        if (messages.length < PAGE) break;
        seq = messages.at(-1)?.seq ?? seq;
      }
    }
    out.progress(`Exporting: ${counts.conversations} conversations, ${counts.messages} messages`);
    if (ids.length < PAGE) break;
    after = ids.at(-1) ?? after;
  }

  for (const category of await store.helpCenter.listCategories(site.id)) {
    await writeLine(stream, { type: 'help-category', category });
    counts.helpCategories++;
  }
  for (const article of await store.helpCenter.listArticles(site.id, {})) {
    await writeLine(stream, { type: 'article', article });
    counts.articles++;
  }
  await writeLine(stream, { type: 'end', counts });
  return counts;
}

function finished(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export data.')
    .command('site')
    .description(
      "A site's visitors, conversations, tickets, messages, help categories and articles as JSON lines " +
        '(one record a line with a "type"; the last line is {"type":"end","counts":…}).',
    )
    .argument('<site>', 'the site id or site key')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .action(
      action(async ({ context, out, args, options }) => {
        const file = typeof options.output === 'string' ? path.resolve(options.output) : undefined;
        if (file && fs.existsSync(file))
          throw new CliError(ExitCode.Refused, `${file} exists already: name another file`);
        await withStore(context, async (store) => {
          const site = await findSite(store, text(args[0]));
          if (!file) {
            const counts = await exportSite(store, site, process.stdout, out);
            out.note(`Exported ${summary(counts)} of ${site.name}.`);
            return;
          }
          const partial = `${file}.partial`;
          const stream = fs.createWriteStream(partial);
          try {
            const counts = await exportSite(store, site, stream, out);
            await finished(stream);
            fs.renameSync(partial, file);
            out.result({ file, site: site.id, counts }, () => [
              `Exported ${summary(counts)} of ${site.name} to ${file}.`,
            ]);
          } catch (error) {
            stream.destroy();
            fs.rmSync(partial, { force: true });
            throw error;
          }
        });
      }),
    );
}

const summary = (c: Counts): string =>
  `${c.conversations} conversations (${c.messages} messages, ${c.tickets} tickets), ${c.visitors} visitors, ${c.articles} articles`;
