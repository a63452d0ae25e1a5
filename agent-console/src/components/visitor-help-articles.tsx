/**
 * @module help-widget: in the visitor panel, the help articles the visitor met in the widget before
 * or while chatting (suggested while writing, opened, "Did this help?"), newest first, so the agent
 * does not send an article the visitor has read already and knows what did not help.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { VisitorHelpArticle } from '@parley/shared';
import { ApiContext } from './api-context.ts';

function verdict(article: VisitorHelpArticle): string {
  const seen = article.opened ? 'opened' : 'suggested';
  if (article.helpful === true) return `${seen}, helped`;
  if (article.helpful === false) return `${seen}, did not help`;
  return seen;
}

export function VisitorHelpArticles({ visitorId, conversationId }: { visitorId: string; conversationId: string }) {
  // rendered without the REST side (a component test of the conversation alone): nothing to show
  const api = useContext(ApiContext);
  const [articles, setArticles] = useState<VisitorHelpArticle[] | null>(null);
  useEffect(() => {
    if (!api) return;
    let current = true;
    api.visitorHelp.articles(visitorId).then(
      (found) => current && setArticles(found),
      // the panel's other facts stand without it
      () => current && setArticles([]),
    );
    return () => {
      current = false;
    };
  }, [api, visitorId, conversationId]);
  if (!articles || articles.length === 0) return null;
  return (
    <>
      <h3 class="visitor-panel__heading">Help articles seen</h3>
      <ul class="visitor-panel__list" aria-label="Help articles seen">
        {articles.map((article) => (
          <li key={article.articleId}>
            <span lang={article.locale}>{article.title}</span>{' '}
            <span class="visitor-panel__muted">({verdict(article)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
