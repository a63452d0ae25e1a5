/**
 * Report figures from a seeded day with known answers: Berlin's spring-forward day, with
 * conversations exactly on both local midnights and one second before them. Every figure is
 * checked exactly, in the site's zone and in UTC, per day, agent and site, and as CSV.
 */
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, ReportResponseSchema, type ReportFigures } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { signedInRest } from './support/rest.ts';
import { SCENARIO_DAY, seedReportScenario } from './support/report-scenario.ts';

const t = useTestServer();

async function seeded() {
  const ann = await t.createAgent({ name: 'Ann' });
  const bob = await t.createAgent({ name: 'Bob' });
  const { siteId } = await seedReportScenario(t.server.store, { ann, bob });
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const report = async (query: string) => {
    const res = await admin('GET', `/api/admin/reports?${query}`);
    expect(res.status).toBe(200);
    return ReportResponseSchema.parse(res.body).report;
  };
  return { ann, bob, siteId, admin, report };
}

const none = { count: 0, median: null, p90: null };

describe('reports', () => {
  it("computes the seeded day's figures in the site's zone, across its DST change", async () => {
    const { ann, bob, siteId, report } = await seeded();
    const r = await report(`from=${SCENARIO_DAY}&to=${SCENARIO_DAY}&siteId=${siteId}`);
    const day: ReportFigures = {
      conversations: 6,
      missed: 2,
      becameTickets: 1,
      transfers: 1,
      waitSeconds: { count: 4, median: 25, p90: 60 },
      firstResponseSeconds: { count: 5, median: 90, p90: 3600 },
      resolutionSeconds: { count: 5, median: 900, p90: 7200 },
      firstContactResolution: { resolved: 2, eligible: 4, rate: 0.5 },
      csat: { responses: 3, average: 4, distribution: [0, 0, 1, 1, 1] },
    };
    expect(r).toMatchObject({ from: SCENARIO_DAY, to: SCENARIO_DAY, timeZone: 'Europe/Berlin', siteId });
    expect(r.totals).toEqual(day);
    expect(r.perDay).toEqual([{ date: SCENARIO_DAY, figures: day }]);
    expect(r.perSite).toEqual([{ siteId, siteName: 'Demo', figures: day }]);
    expect(r.perAgent.map((a) => a.agentName)).toEqual(['Ann', 'Bob']);
    expect(r.perAgent[0]).toEqual({
      agentId: ann.id,
      agentName: 'Ann',
      figures: {
        conversations: 2,
        missed: 0,
        becameTickets: 0,
        transfers: 0,
        waitSeconds: { count: 2, median: 25, p90: 30 },
        firstResponseSeconds: { count: 2, median: 70, p90: 90 },
        resolutionSeconds: { count: 2, median: 350, p90: 600 },
        firstContactResolution: { resolved: 2, eligible: 2, rate: 1 },
        csat: { responses: 1, average: 5, distribution: [0, 0, 0, 0, 1] },
      },
    });
    expect(r.perAgent[1]).toMatchObject({
      agentId: bob.id,
      figures: {
        conversations: 2,
        transfers: 1,
        firstContactResolution: { resolved: 0, eligible: 2, rate: 0 },
        csat: { average: 3.5 },
      },
    });
    expect(r.perRule).toEqual([]);
  });

  it('cuts days at local midnight: one a side of each boundary, in Berlin and in UTC', async () => {
    const { report } = await seeded();
    const berlin = await report('from=2026-03-28&to=2026-03-30&timeZone=Europe/Berlin');
    expect(berlin.perDay.map((d) => [d.date, d.figures.conversations, d.figures.missed])).toEqual([
      ['2026-03-28', 1, 1],
      ['2026-03-29', 6, 2],
      ['2026-03-30', 1, 0],
    ]);
    expect(berlin.totals.conversations).toBe(8);
    // In UTC the 29th starts an hour later (B falls on the 28th) and ends two hours later (H is in).
    const utc = await report(`from=${SCENARIO_DAY}&to=${SCENARIO_DAY}&timeZone=UTC`);
    expect(utc.timeZone).toBe('UTC');
    expect(utc.totals).toMatchObject({ conversations: 6, missed: 2, waitSeconds: { count: 3, median: 20, p90: 60 } });
    // All sites without a zone: UTC.
    expect((await report(`from=${SCENARIO_DAY}&to=${SCENARIO_DAY}`)).timeZone).toBe('UTC');
    // A day without traffic is there with zeros, so charts have no gaps.
    const quiet = await report('from=2026-03-31&to=2026-03-31&timeZone=Europe/Berlin');
    expect(quiet.perDay).toEqual([
      {
        date: '2026-03-31',
        figures: {
          conversations: 0,
          missed: 0,
          becameTickets: 0,
          transfers: 0,
          waitSeconds: none,
          firstResponseSeconds: none,
          resolutionSeconds: none,
          firstContactResolution: { resolved: 0, eligible: 0, rate: null },
          csat: { responses: 0, average: null, distribution: [0, 0, 0, 0, 0] },
        },
      },
    ]);
  });

  it('exports the day, agents and sites as CSV', async () => {
    const { siteId } = await seeded();
    const cookieRes = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = cookieRes.headers.get('set-cookie')?.split(';')[0] ?? '';
    const csv = async (view: string) => {
      const res = await fetch(
        `${t.url}/api/admin/reports.csv?from=${SCENARIO_DAY}&to=${SCENARIO_DAY}&siteId=${siteId}&view=${view}`,
        {
          headers: { cookie },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="parley-report-${view}-${SCENARIO_DAY}-to-${SCENARIO_DAY}.csv"`,
      );
      return (await res.text()).trimEnd().split('\r\n');
    };
    const days = await csv('day');
    expect(days[0]).toBe(
      'date,conversations,missed,became_tickets,transfers,wait_median_s,wait_p90_s,first_response_median_s,first_response_p90_s,' +
        'resolution_median_s,resolution_p90_s,fcr_resolved,fcr_eligible,fcr_rate,csat_responses,csat_average,csat_1,csat_2,csat_3,csat_4,csat_5',
    );
    expect(days.slice(1)).toEqual([
      '2026-03-29,6,2,1,1,25,60,90,3600,900,7200,2,4,0.5,3,4,0,0,1,1,1',
      'total,6,2,1,1,25,60,90,3600,900,7200,2,4,0.5,3,4,0,0,1,1,1',
    ]);
    const agents = await csv('agent');
    expect(agents.map((line) => line.split(',').slice(1, 3).join(','))).toEqual([
      'agent,conversations',
      'Ann,2',
      'Bob,2',
    ]);
    expect((await csv('site')).slice(1).map((line) => line.split(',').slice(1, 4).join(','))).toEqual(['Demo,6,2']);
  });

  it('is for admins only, and refuses a backwards or too long range and unknown zones or sites', async () => {
    const { admin } = await seeded();
    const agent = await t.createAgent({ name: 'Carl' });
    const asAgent = await signedInRest(t.url, agent.email, agent.password);
    for (const path of [
      '/api/admin/reports?from=2026-03-29&to=2026-03-29',
      '/api/admin/reports.csv?from=2026-03-29&to=2026-03-29',
      '/api/admin/agents-now',
    ]) {
      const res = await asAgent('GET', path);
      expect(res.status).toBe(403);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('forbidden');
    }
    const bad = async (query: string) => {
      const res = await admin('GET', `/api/admin/reports?${query}`);
      return { status: res.status, paths: ErrorBodySchema.parse(res.body).error.issues?.map((i) => i.path) ?? [] };
    };
    expect(await bad('from=2026-03-30&to=2026-03-29')).toEqual({ status: 400, paths: ['to'] });
    expect(await bad('from=2025-01-01&to=2026-03-29')).toEqual({ status: 400, paths: ['to'] });
    expect(await bad('from=2026-02-30&to=2026-03-29&timeZone=Mars/Base')).toEqual({
      status: 400,
      paths: ['from', 'timeZone'],
    });
    expect((await admin('GET', '/api/admin/reports?from=2026-03-29&to=2026-03-29&siteId=site_missing')).status).toBe(
      404,
    );
  });
});
