/**
 * @module Scenario 7: the help center at scale. A fresh Parley (SQLite, then PostgreSQL when one is
 * reachable) gets `articles` published articles in three locales through the import API (2,000 per
 * request, the import's limit); then visitors search through the widget's API at a fixed open-loop
 * rate (real words, words half typed, typos that take the trigram fallback, questions nothing
 * answers), and read public article pages (time to first byte). The baseline column is the same
 * server's /healthz at the same rate: what an HTTP round trip through Parley costs on this machine
 * at this moment, so the machine's load shows in both columns.
 */
import { HELP_BUNDLE_MAX_ARTICLES, SiteListResponseSchema } from '@parley/shared';
import { percentile } from '../percentiles.ts';
import { figure, notRun, type Figure } from '../report.ts';
import type { BenchSettings } from '../settings.ts';
import { startParley } from '../harness/parley.ts';
import { signInAdmin } from '../harness/parley-setup.ts';
import { createDatabase, postgresAvailable } from '../harness/postgres.ts';
import { helpCorpus, helpQueries, seededRandom, type BenchArticle } from '../help/help-corpus.ts';
import { openLoop, type LoadResult } from '../help/open-loop.ts';

const NAMES = [
  { name: 'search p50 latency', unit: 'ms', target: null },
  { name: 'search p99 latency', unit: 'ms', target: { of: 'value', op: '<=', limit: 20 } },
  { name: 'search p50, one at a time', unit: 'ms', target: null },
  { name: 'search p99, one at a time', unit: 'ms', target: null },
  { name: 'article page TTFB p50', unit: 'ms', target: null },
  { name: 'article page TTFB p99', unit: 'ms', target: null },
  { name: 'import (all articles)', unit: 's', target: null },
] as const satisfies Array<{ name: string; unit: string; target: Figure['target'] }>;

export async function helpSearch(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const { articles, searchRate, pageRate } = settings.help;
  log(`7: ${articles} help articles in en/de/fr; ${searchRate} searches/s, article pages at ${pageRate}/s`);
  const corpus = helpCorpus(articles);
  const figures = await oneEngine('SQLite', settings, corpus, log, undefined);
  if (!(await postgresAvailable())) {
    return [...figures, ...notRun('7 help search (PostgreSQL)', NAMES, 'no PostgreSQL at PARLEY_BENCH_DATABASE_URL')];
  }
  const database = await createDatabase();
  try {
    return [...figures, ...(await oneEngine('PostgreSQL', settings, corpus, log, database.url))];
  } finally {
    await database.drop();
  }
}

async function oneEngine(
  engine: string,
  settings: BenchSettings,
  corpus: BenchArticle[],
  log: (line: string) => void,
  databaseUrl: string | undefined,
): Promise<Figure[]> {
  const scenario = `7 help search (${engine})`;
  const { searchRate, pageRate } = settings.help;
  const server = await startParley({
    name: `parley-help-${engine.toLowerCase()}`,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  try {
    const cookie = await signInAdmin(server.url);
    const sites = SiteListResponseSchema.parse(
      await (await fetch(`${server.url}/api/admin/sites`, { headers: { cookie } })).json(),
    ).sites;
    const demo = sites.find((s) => s.isDemo);
    if (!demo) throw new Error('the demo site is missing');

    const importStarted = performance.now();
    for (let i = 0; i < corpus.length; i += HELP_BUNDLE_MAX_ARTICLES) {
      const bundle = {
        format: 'parley-help-center',
        version: 1,
        categories: [],
        articles: corpus.slice(i, i + HELP_BUNDLE_MAX_ARTICLES),
      };
      const res = await fetch(`${server.url}/api/admin/sites/${demo.id}/help/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(bundle),
      });
      if (res.status !== 200) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    }
    const importSeconds = (performance.now() - importStarted) / 1000;
    log(`  ${engine}: imported ${corpus.length} articles in ${importSeconds.toFixed(1)} s`);

    const queries = helpQueries(10_000);
    const searchUrl = (i: number) => {
      const query = queries[i % queries.length] ?? { locale: 'en', q: 'refund' };
      return `${server.url}/api/widget/${demo.siteKey}/help/search?locale=${query.locale}&q=${encodeURIComponent(query.q)}`;
    };
    const random = seededRandom(17);
    const pages = Array.from({ length: 5_000 }, () => corpus[Math.floor(random() * corpus.length)]);
    const pageUrl = (i: number) => {
      const page = pages[i % pages.length] ?? corpus[0];
      return `${server.url}/help/${demo.siteKey}/${page?.locale ?? 'en'}/articles/${page?.slug ?? ''}`;
    };
    const healthUrl = () => `${server.url}/healthz`;
    const { warmupMs, measureMs } = settings.latency;

    await openLoop({ rate: searchRate, durationMs: warmupMs, url: (i) => searchUrl(i + 5_000), until: 'body' });
    // what one search costs with nothing queued before it: on a busy machine the fixed rate may outrun
    // the server, and then the open-loop figures measure the queue
    const alone = await oneAtATime(settings.help.sequentialSearches, (i) => searchUrl(i + 7_500));
    const before = await searchSeconds(server.url);
    const searches = await openLoop({ rate: searchRate, durationMs: measureMs, url: searchUrl, until: 'body' });
    const after = await searchSeconds(server.url);
    const dbMean = after.count > before.count ? ((after.sum - before.sum) / (after.count - before.count)) * 1000 : null;
    const health = await openLoop({ rate: searchRate, durationMs: measureMs, url: healthUrl, until: 'body' });
    await openLoop({ rate: pageRate, durationMs: warmupMs, url: (i) => pageUrl(i + 2_500), until: 'headers' });
    const articlePages = await openLoop({ rate: pageRate, durationMs: measureMs, url: pageUrl, until: 'headers' });
    const healthTtfb = await openLoop({ rate: pageRate, durationMs: measureMs, url: healthUrl, until: 'headers' });
    const p = (run: LoadResult, q: number) => percentile(run.latencies, q);
    log(
      `  ${engine}: search p50 ${p(searches, 50)?.toFixed(1)} ms, p99 ${p(searches, 99)?.toFixed(1)} ms; ` +
        `page TTFB p50 ${p(articlePages, 50)?.toFixed(1)} ms, p99 ${p(articlePages, 99)?.toFixed(1)} ms`,
    );
    const failures = (run: LoadResult) =>
      run.failed > 0 ? { note: `${run.failed} failed; first: ${run.firstError ?? '?'}` } : {};
    return [
      figure({
        scenario,
        ...NAMES[0],
        parley: p(searches, 50),
        baseline: p(health, 50),
        note: `mean time in the database ${dbMean === null ? '?' : dbMean.toFixed(2)} ms`,
      }),
      figure({ scenario, ...NAMES[1], parley: p(searches, 99), baseline: p(health, 99), ...failures(searches) }),
      figure({ scenario, ...NAMES[2], parley: p(alone, 50), baseline: null, ...failures(alone) }),
      figure({ scenario, ...NAMES[3], parley: p(alone, 99), baseline: null, ...failures(alone) }),
      figure({
        scenario,
        ...NAMES[4],
        parley: p(articlePages, 50),
        baseline: p(healthTtfb, 50),
        ...failures(articlePages),
      }),
      figure({
        scenario,
        ...NAMES[5],
        parley: p(articlePages, 99),
        baseline: p(healthTtfb, 99),
        ...failures(articlePages),
      }),
      figure({ scenario, ...NAMES[6], parley: importSeconds, baseline: null, note: `${corpus.length} articles` }),
    ];
  } finally {
    await server.stop();
  }
}

/** `count` searches, each sent when the one before has been answered. */
async function oneAtATime(count: number, url: (i: number) => string): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    try {
      const res = await fetch(url(i));
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      latencies.push(performance.now() - t0);
    } catch (error) {
      failed += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  return { latencies, failed, firstError };
}

/** The server's own count and total of search time in the database (its /metrics histogram). */
async function searchSeconds(url: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    sum: read('parley_help_search_duration_seconds_sum'),
    count: read('parley_help_search_duration_seconds_count'),
  };
}
