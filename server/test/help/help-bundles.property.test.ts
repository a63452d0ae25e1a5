/**
 * Import input and titles of any shape: a Markdown bundle either becomes a valid JSON bundle or is
 * refused with invalid_payload naming the file, never another error; a slug made from any title is a
 * valid slug; a Markdown bundle made from a JSON bundle reads back as the same bundle.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HelpJsonBundleSchema, HelpSlugSchema } from '@parley/shared';
import { ParleyError } from '../../src/errors.ts';
import { fromMarkdown, toMarkdown } from '../../src/domain/help-center/markdown-bundle.ts';
import { slugify } from '../../src/domain/help-center/slugs.ts';

const segment = fc.constantFrom('en', 'de', 'pt-br', 'billing', 'x', '..', '.', '', 'Ünï', '_category.md', 'a.md');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.string().map((s) => `---\n${s}\n---\n`),
  fc.constantFrom(
    '---\ntitle: [x\n---\n',
    '---\n- a\n- b\n---\n',
    '---\ntitle: 5\nstatus: maybe\n---\n',
    '---\n&a [*a]\n---\n',
  ),
);

describe('help bundles from anything', () => {
  it('turns any Markdown bundle into a valid bundle or a refusal naming the file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ path, content: fc.tuple(frontMatter, fc.string()).map(([f, b]) => f + b) })),
        (files) => {
          try {
            HelpJsonBundleSchema.parse(fromMarkdown({ format: 'markdown', files }));
          } catch (error) {
            expect(error).toBeInstanceOf(ParleyError);
            expect(error).toMatchObject({ code: 'invalid_payload' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('makes a valid slug of any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        expect(HelpSlugSchema.safeParse(slugify(title)).success).toBe(true);
      }),
    );
  });

  it('reads its own Markdown export back as the same bundle', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const text = fc.string({ maxLength: 80 }).filter((s) => s.trim() === s && s.trim() !== '');
    const bundle = fc.record({
      categories: fc.uniqueArray(
        fc.record({
          locale: fc.constantFrom('en', 'de'),
          slug: word,
          title: text,
          description: fc.constant(''),
          position: fc.nat(5),
        }),
        { selector: (c) => `${c.locale}/${c.slug}`, maxLength: 3 },
      ),
      articles: fc.uniqueArray(
        fc.record({
          locale: fc.constantFrom('en', 'de'),
          slug: word,
          title: text,
          summary: fc.constant(''),
          body: fc.string({ maxLength: 200 }).map((b) => b.replace(/^\s+/, '')),
          status: fc.constantFrom('draft' as const, 'published' as const),
          position: fc.nat(5),
          translationKey: word,
        }),
        { selector: (a) => `${a.locale}/${a.slug}`, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(bundle, ({ categories, articles }) => {
        const json = HelpJsonBundleSchema.parse({ format: 'parley-help-center', version: 1, categories, articles });
        const back = fromMarkdown(toMarkdown(json));
        expect(back.articles).toEqual(json.articles.map((a) => ({ ...a, category: null })));
        expect(back.categories).toEqual(json.categories);
      }),
      { numRuns: 200 },
    );
  });
});
