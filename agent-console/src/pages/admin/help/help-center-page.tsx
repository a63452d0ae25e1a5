/**
 * @module Admin page: a site's help center. Pick the site and the locale, then keep its categories,
 * find and order its articles, write one in the editor, and import or export the whole of it. The
 * editor takes the place of the lists while it is open (one thing at a time, also on a phone).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, HelpArticle, HelpCategory, SiteAdminView } from '@parley/shared';
import { useApi } from '../../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../../components/page-frame.tsx';
import { LoadFailed, Loading } from '../../../components/load-state.tsx';
import { failure } from './help-failure.ts';
import { HelpCategories } from './help-categories.tsx';
import { HelpArticleList } from './help-article-list.tsx';
import { HelpArticleEditor, type EditorTarget } from './help-article-editor.tsx';
import { HelpImportExport } from './help-import-export.tsx';
import '../../../help-center.css';
import { HelpLocalePicker } from './help-locale-picker.tsx';
import { SitePicker, useSiteChoice } from '../site-choice.tsx';

export function HelpCenterPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Help center">
      <AdminOnly agent={agent}>
        <HelpCenterAdmin />
      </AdminOnly>
    </PageFrame>
  );
}

function HelpCenterAdmin() {
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { sites, site, choose } = useSiteChoice(setError, attempt);
  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };

  if (error !== null && sites === null) return <LoadFailed message={error} onRetry={retry} />;
  if (sites === null) return <Loading label="Loading sites…" />;
  if (!site) return <p class="muted">Add a site first: a help center belongs to a site.</p>;
  return (
    <>
      <SitePicker sites={sites} site={site} choose={choose} />
      <SiteHelpCenter key={site.id} site={site} />
    </>
  );
}

function SiteHelpCenter({ site }: { site: SiteAdminView }) {
  const { help } = useApi();
  const [locale, setLocale] = useState(site.locale ?? 'en');
  const [locales, setLocales] = useState<string[]>([]);
  const [categories, setCategories] = useState<HelpCategory[] | null>(null);
  const [articles, setArticles] = useState<HelpArticle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [reload, setReload] = useState(0);

  // another locale shows "loading"; a reload after a change keeps the lists (and their messages) in place
  useEffect(() => {
    setCategories(null);
    setArticles(null);
  }, [site.id, locale]);

  useEffect(() => {
    setError(null);
    Promise.all([help.categories(site.id), help.articles(site.id)]).then(
      ([allCategories, allArticles]) => {
        const known = new Set([
          site.locale ?? 'en',
          ...allCategories.map((c) => c.locale),
          ...allArticles.map((a) => a.locale),
        ]);
        setLocales([...known].sort());
        setCategories(allCategories.filter((c) => c.locale === locale));
        setArticles(allArticles.filter((a) => a.locale === locale));
      },
      (caught: unknown) => setError(failure(caught, 'Could not load the help center.')),
    );
  }, [help, site.id, site.locale, locale, reload]);

  const refresh = () => setReload((n) => n + 1);

  if (editing !== null)
    return (
      <HelpArticleEditor
        key={editing.kind === 'edit' ? editing.id : `new-${editing.locale}`}
        site={site}
        target={editing}
        categories={categories ?? []}
        onOpen={(target) => {
          // another locale's version: the lists behind the editor follow it
          if (target.locale !== undefined && target.locale !== locale) setLocale(target.locale);
          setEditing(target);
        }}
        onClose={() => {
          setEditing(null);
          refresh();
        }}
      />
    );

  return (
    <>
      <p class="muted">
        Articles in {site.name}’s help center. Published ones are on its public pages and in the widget; drafts only
        here.
      </p>
      <HelpLocalePicker locale={locale} locales={locales} onChange={setLocale} />
      {error !== null ? (
        <LoadFailed message={error} onRetry={refresh} />
      ) : categories === null || articles === null ? (
        <Loading label="Loading the help center…" />
      ) : (
        <div class="help-admin">
          <HelpCategories
            siteId={site.id}
            locale={locale}
            categories={categories}
            onChange={(next) => {
              setCategories(next);
              refresh();
            }}
          />
          <HelpArticleList
            siteId={site.id}
            categories={categories}
            articles={articles}
            onReordered={(changed) => {
              const byId = new Map(changed.map((a) => [a.id, a]));
              setArticles((list) => (list ?? []).map((a) => byId.get(a.id) ?? a));
            }}
            onOpen={(article) => setEditing({ kind: 'edit', id: article.id })}
            onNew={() => setEditing({ kind: 'new', locale })}
          />
          <HelpImportExport site={site} onImported={refresh} />
        </div>
      )}
    </>
  );
}
