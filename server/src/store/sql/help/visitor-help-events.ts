/**
 * @module What one visitor met of the help center in the widget (help-widget): the articles suggested
 * to them, opened and voted on, folded to one row per article for the agent's visitor panel; and
 * whether a site has anything published (the widget config leaves the help center out otherwise).
 */
import { sql } from 'kysely';
import type { VisitorHelpArticle } from '@parley/shared';
import type { HelpCenterStore } from '../../help-center-store.ts';
import type { HelpDb } from './help-tables.ts';

type VisitorMethods = Pick<HelpCenterStore, 'visitorArticles' | 'hasPublished'>;

export function visitorHelpEvents(db: HelpDb): VisitorMethods {
  return {
    async visitorArticles(visitorId, limit) {
      const rows = await db
        .selectFrom('help_events as e')
        .innerJoin('help_articles as a', 'a.id', 'e.article_id')
        .select([
          'a.id as articleId',
          'a.site_id as siteId',
          'a.slug as slug',
          'a.locale as locale',
          'a.title as title',
          sql<number>`max(case when e.kind = 'shown' then 1 else 0 end)`.as('shown'),
          sql<number>`max(case when e.kind = 'view' then 1 else 0 end)`.as('opened'),
          // the latest vote wins: its time, then its answer, in one comparable string
          sql<string | null>`max(case when e.kind = 'vote' then e.at || ':' || e.helpful end)`.as('vote'),
          sql<string>`max(e.at)`.as('at'),
        ])
        .where('e.visitor_id', '=', visitorId)
        .where('e.kind', 'in', ['shown', 'view', 'vote'])
        .groupBy(['a.id', 'a.site_id', 'a.slug', 'a.locale', 'a.title'])
        .orderBy(sql`max(e.at)`, 'desc')
        .limit(limit)
        .execute();
      return rows.map((row): VisitorHelpArticle => {
        const vote = row.vote === null ? null : row.vote.slice(row.vote.lastIndexOf(':') + 1);
        return {
          articleId: row.articleId,
          siteId: row.siteId,
          slug: row.slug,
          locale: row.locale,
          title: row.title,
          shown: Number(row.shown) === 1,
          opened: Number(row.opened) === 1,
          helpful: vote === null ? null : vote === '1',
          at: row.at,
        };
      });
    },
    async hasPublished(siteId) {
      const row = await db
        .selectFrom('help_articles')
        .select('id')
        .where('site_id', '=', siteId)
        .where('status', '=', 'published')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
