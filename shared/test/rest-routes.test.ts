/**
 * The REST route table's promises: one route per method and path, every `:name` of a path parsed by
 * the route's params schema, admin routes under /api/admin, and paths filled in URL-encoded.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathTo, restRoutes, type RestRoute } from '../src/index.ts';

const all: Array<[string, RestRoute]> = Object.entries(restRoutes).flatMap(([group, routes]) =>
  Object.entries<RestRoute>(routes).map(([name, route]): [string, RestRoute] => [`${group}.${name}`, route]),
);

describe('REST route table', () => {
  it('has one route per method and path', () => {
    const keys = all.map(([, route]) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("parses exactly a path's :names with the route's params schema", () => {
    for (const [name, route] of all) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]).sort();
      const schema = route.params;
      if (names.length === 0) {
        expect(schema, name).toBeUndefined();
        continue;
      }
      expect(schema, name).toBeInstanceOf(z.ZodObject);
      if (schema instanceof z.ZodObject) expect(Object.keys(schema.shape).sort(), name).toEqual(names);
    }
  });

  it('keeps every route of an admin page under /api/admin, behind the one role check', () => {
    const adminGroups = ['sharedCannedResponses', 'agents', 'sites', 'rules', 'reports', 'privacy'];
    for (const [name, route] of all) {
      expect(route.path.startsWith('/api/admin/'), name).toBe(adminGroups.includes(name.split('.')[0] ?? ''));
    }
  });

  it('fills a path in, URL-encoded, and refuses to leave a :name empty', () => {
    expect(pathTo(restRoutes.rules.replace, { siteId: 'site 1', ruleId: 'r/2' })).toBe(
      '/api/admin/sites/site%201/rules/r%2F2',
    );
    expect(pathTo(restRoutes.agents.list)).toBe('/api/admin/agents');
    const missing = { siteId: 's' } as Record<'siteId' | 'ruleId', string>;
    expect(() => pathTo(restRoutes.rules.replace, missing)).toThrow(':ruleId');
  });
});
