/**
 * @module What the agent fills in to build rich content (rich-builder.tsx), and its conversion to
 * and from the content the server takes. Lists are typed one item a line ("Label https://…" for a
 * link), which keeps the builder small; the shared schema has the last word on every bound.
 */
import { OfferContentSchema, describeIssues, type FormContent, type OfferContent } from '@parley/shared';

export type RichKind = OfferContent['type'];
export type FieldKind = FormContent['fields'][number]['kind'];

export interface FieldDraft {
  label: string;
  kind: FieldKind;
  required: boolean;
}

export interface RichDraft {
  kind: RichKind;
  /** Quick replies: one choice a line. */
  choices: string;
  /** Card and form title. */
  title: string;
  text: string;
  imageUrl: string;
  imageAlt: string;
  /** Card buttons, one a line: the label, then the https link. */
  links: string;
  fields: FieldDraft[];
  /** Article links, one a line: the title, then the link. */
  articles: string;
}

export const RICH_KINDS: ReadonlyArray<{ kind: RichKind; label: string }> = [
  { kind: 'quick_replies', label: 'Quick replies' },
  { kind: 'card', label: 'Card' },
  { kind: 'form', label: 'Form' },
  { kind: 'articles', label: 'Article links' },
];

export function emptyDraft(kind: RichKind = 'quick_replies'): RichDraft {
  return {
    kind,
    choices: '',
    title: '',
    text: '',
    imageUrl: '',
    imageAlt: '',
    links: '',
    fields: [{ label: 'Email', kind: 'email', required: true }],
    articles: '',
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** "Label https://…": the last word is the link, the rest the label. */
function labelAndUrl(line: string): { label: string; url: string } {
  const cut = line.lastIndexOf(' ');
  return cut === -1 ? { label: '', url: line } : { label: line.slice(0, cut).trim(), url: line.slice(cut + 1) };
}

export function draftFrom(content: OfferContent): RichDraft {
  const draft = emptyDraft(content.type);
  switch (content.type) {
    case 'quick_replies':
      return { ...draft, choices: content.options.map((o) => o.label).join('\n') };
    case 'card':
      return {
        ...draft,
        title: content.title,
        text: content.text ?? '',
        imageUrl: content.imageUrl ?? '',
        imageAlt: content.imageAlt ?? '',
        links: content.buttons.map((b) => `${b.label} ${b.url}`).join('\n'),
      };
    case 'form':
      return {
        ...draft,
        title: content.title ?? '',
        fields: content.fields.map(({ label, kind, required }) => ({ label, kind, required })),
      };
    case 'articles':
      return { ...draft, articles: content.articles.map((a) => `${a.title} ${a.url}`).join('\n') };
  }
}

function candidate(draft: RichDraft): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  switch (draft.kind) {
    case 'quick_replies':
      return { type: 'quick_replies', options: lines(draft.choices).map((label, i) => ({ id: `c${i + 1}`, label })) };
    case 'card':
      return {
        type: 'card',
        title: draft.title,
        text: optional(draft.text),
        imageUrl: optional(draft.imageUrl),
        imageAlt: optional(draft.imageAlt),
        buttons: lines(draft.links).map(labelAndUrl),
      };
    case 'form':
      return {
        type: 'form',
        title: optional(draft.title),
        fields: draft.fields.map((field, i) => ({ id: `f${i + 1}`, ...field })),
      };
    case 'articles':
      return {
        type: 'articles',
        articles: lines(draft.articles).map((line) => {
          const { label, url } = labelAndUrl(line);
          return { title: label, url };
        }),
      };
  }
}

/** Names the agent sees for the schema's paths: "Choice 2", not "options.1.label". */
function where(path: string): string {
  const [list = '', index, field] = path.split('.');
  const n = Number(index) + 1;
  switch (list) {
    case 'options':
      return index === undefined ? 'Choices' : `Choice ${n}`;
    case 'buttons':
      return index === undefined ? 'Link buttons' : `Link button ${n}${field === 'url' ? ' (link)' : ''}`;
    case 'fields':
      return index === undefined ? 'Fields' : `Field ${n}`;
    case 'articles':
      return index === undefined ? 'Articles' : `Article ${n}${field === 'url' ? ' (link)' : ''}`;
    case 'imageUrl':
      return 'Image link';
    case 'imageAlt':
      return 'Image description';
    default:
      return list.charAt(0).toUpperCase() + list.slice(1);
  }
}

/** The content, or what to fix, in words for the agent. */
export function contentFrom(draft: RichDraft): { ok: true; content: OfferContent } | { ok: false; problem: string } {
  const parsed = OfferContentSchema.safeParse(candidate(draft));
  if (parsed.success) return { ok: true, content: parsed.data };
  const problem = describeIssues(parsed.error)
    .map((issue) => `${where(issue.path)}: ${issue.message}`)
    .join('. ');
  return { ok: false, problem };
}
