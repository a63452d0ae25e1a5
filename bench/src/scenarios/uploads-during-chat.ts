/**
 * @module Scenario 6: file uploads while people chat. The same chat (pairs, agents, one fixed
 * open-loop message rate) runs twice on fresh Parley processes: once alone (the baseline) and once
 * while uploaders stream large files into some of the conversations over HTTP. Reported: the chat's
 * p99 latency with uploads beside without, and the server's peak RSS growth during each run (an
 * upload held whole in memory would show here: 20 × 10 MB is 200 MB). Bounded: each uploader sends at
 * most `maxPerUploader` files, and only while the chat is measured; everything on 127.0.0.1.
 */
import { percentile } from '../percentiles.ts';
import { figure, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startParley } from '../harness/parley.ts';
import { signInAdmin } from '../harness/parley-setup.ts';
import type { Assignment } from '../clients/protocol.ts';
import type { ServerProcess } from '../harness/server-process.ts';
import { parleyPairs, runPhase, type LoadTarget, type PhaseOutcome } from './load-targets.ts';
import { startUploaders, warmUp, type UploadTally } from '../clients/uploaders.ts';

const SCENARIO = '6 uploads during chat';
const MB = 1024 * 1024;

interface Run {
  chat: PhaseOutcome;
  rssGrowth: number;
  uploads: UploadTally | undefined;
}

export async function uploadsDuringChat(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const { pairs, agents, uploaders, fileBytes, chatRate, maxPerUploader } = settings.uploads;
  log(
    `6: ${pairs} pairs (${agents} agents) chatting at ${chatRate} msg/s, alone and with ${uploaders} uploaders of ${fileBytes / 1e6} MB files`,
  );
  const alone = await oneRun(settings, log, undefined);
  log(
    `  without uploads: p99 ${percentile(alone.chat.latencies, 99)?.toFixed(1)} ms, RSS +${(alone.rssGrowth / MB).toFixed(0)} MB`,
  );
  const busy = await oneRun(settings, log, { uploaders, fileBytes, maxPerUploader });
  log(
    `  with uploads: p99 ${percentile(busy.chat.latencies, 99)?.toFixed(1)} ms, RSS +${(busy.rssGrowth / MB).toFixed(0)} MB, ` +
      `${busy.uploads?.done ?? 0} files stored, ${busy.uploads?.failed ?? 0} failed`,
  );
  const p = (run: Run, q: number) => percentile(run.chat.latencies, q);
  const refused = busy.chat.failed + alone.chat.failed;
  const uploadNote = busy.uploads?.firstError ? `first upload error: ${busy.uploads.firstError}` : undefined;
  return [
    figure({
      scenario: SCENARIO,
      name: 'chat p50 latency',
      unit: 'ms',
      parley: p(busy, 50),
      baseline: p(alone, 50),
      target: null,
    }),
    figure({
      scenario: SCENARIO,
      name: 'chat p99 latency',
      unit: 'ms',
      parley: p(busy, 99),
      baseline: p(alone, 99),
      target: { of: 'ratio', op: '<=', limit: 1.5 },
      ...(refused > 0 ? { note: `${refused} sends refused` } : {}),
    }),
    figure({
      scenario: SCENARIO,
      name: 'peak RSS growth',
      unit: 'MB',
      parley: busy.rssGrowth / MB,
      baseline: alone.rssGrowth / MB,
      // far below the files in flight: nothing is held whole
      target: { of: 'value', op: '<=', limit: Math.round((uploaders * fileBytes) / MB / 2) },
    }),
    figure({
      scenario: SCENARIO,
      name: 'files stored',
      unit: 'MB/s',
      parley: busy.uploads ? busy.uploads.bytes / MB / busy.uploads.seconds : null,
      baseline: null,
      target: null,
      note: `${busy.uploads?.done ?? 0} files of ${fileBytes / 1e6} MB` + (uploadNote ? `; ${uploadNote}` : ''),
    }),
  ];
}

async function oneRun(
  settings: BenchSettings,
  log: (line: string) => void,
  uploads: { uploaders: number; fileBytes: number; maxPerUploader: number } | undefined,
): Promise<Run> {
  const { pairs, agents, chatRate } = settings.uploads;
  const server = await startParley({ name: uploads ? 'parley-uploads' : 'parley-chat-only' });
  let target: LoadTarget | undefined;
  try {
    const options = { pairs, agents, workers: settings.workers, visitorServer: 0, agentServer: 0 };
    target = await parleyPairs([server], { ...options, assignTimeoutMs: settings.assignTimeoutMs });
    const conversations = (await target.pool.all<Assignment[]>(() => ({ type: 'assignments' })))
      .flat()
      .map((a) => a.conversationId);
    const adminCookie = await signInAdmin(server.url);
    // one small file in both runs first: the modules an upload loads (busboy, file-type) count in neither
    await warmUp(server.url, adminCookie, conversations[0] ?? '');
    const before = (await server.stats({ gc: true })).rss;
    const peak = watchPeakRss(server);
    let tally: Promise<UploadTally> | undefined;
    let stopUploads = (): void => undefined;
    if (uploads) {
      const uploaders = startUploaders({
        url: server.url,
        adminCookie,
        conversations: conversations.slice(0, uploads.uploaders),
        fileBytes: uploads.fileBytes,
        maxPerUploader: uploads.maxPerUploader,
      });
      tally = uploaders.done;
      stopUploads = uploaders.stop;
    }
    const chat = await runPhase(
      target,
      { mode: 'open', totalRate: chatRate },
      settings.latency,
      uploads ? 's6-uploads' : 's6-alone',
    );
    stopUploads();
    const uploaded = await tally;
    const highest = await peak.stop();
    if (uploaded) log(`  uploads: ${uploaded.done} stored in ${uploaded.seconds.toFixed(1)} s`);
    return { chat, rssGrowth: Math.max(0, highest - before), uploads: uploaded };
  } finally {
    await target?.close();
    await server.stop();
  }
}

/** Samples the server's RSS a few times a second until stopped; resolves with the highest seen. */
function watchPeakRss(server: ServerProcess): { stop(): Promise<number> } {
  let highest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      highest = Math.max(highest, (await server.stats()).rss);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return highest;
    },
  };
}
