/**
 * @module The editor's working copy of an article: its fields as typed, made from a saved article or
 * blank, whether it differs from what was saved (the unsaved-changes guard), and the changes to send.
 */
import type { HelpArticle, HelpArticleUpdate } from '@parley/shared';

export interface ArticleDraft {
  title: string;
  slug: string;
  summary: string;
  categoryId: string | null;
  body: string;
}

export const blankDraft = (from: Partial<ArticleDraft> = {}): ArticleDraft => ({
  title: '',
  slug: '',
  summary: '',
  categoryId: null,
  body: '',
  ...from,
});

export const draftOf = (article: HelpArticle): ArticleDraft => ({
  title: article.title,
  slug: article.slug,
  summary: article.summary,
  categoryId: article.categoryId,
  body: article.body,
});

const FIELDS = ['title', 'slug', 'summary', 'categoryId', 'body'] as const;

export const isDirty = (draft: ArticleDraft, saved: ArticleDraft): boolean =>
  FIELDS.some((field) => draft[field] !== saved[field]);

/** Only the fields that changed; an emptied slug is left to the server's (the title's) choice. */
export function changesOf(draft: ArticleDraft, saved: ArticleDraft): HelpArticleUpdate {
  const changes: HelpArticleUpdate = {};
  if (draft.title !== saved.title) changes.title = draft.title;
  if (draft.slug !== saved.slug && draft.slug.trim() !== '') changes.slug = draft.slug;
  if (draft.summary !== saved.summary) changes.summary = draft.summary;
  if (draft.categoryId !== saved.categoryId) changes.categoryId = draft.categoryId;
  if (draft.body !== saved.body) changes.body = draft.body;
  return changes;
}

/** Markdown for a picture, put where the caret is, on a line of its own. */
export function withPicture(body: string, at: number, alt: string, url: string): { body: string; caret: number } {
  const before = body.slice(0, at);
  const after = body.slice(at);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const markdown = `![${alt.replace(/[[\]\\]/g, '')}](${url})`;
  const trail = after.startsWith('\n') ? '' : '\n';
  return { body: `${before}${lead}${markdown}${trail}${after}`, caret: before.length + lead.length + markdown.length };
}
