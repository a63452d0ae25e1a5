/**
 * @module What the console's help-center editor needs beyond the article routes: a preview of Markdown
 * rendered by the same rules as the public pages, pictures uploaded for articles, and the public
 * address those pictures are served from (to signed-in agents always, to everyone else only while a
 * published article of the site shows them), and a published article as agents insert it in a reply.
 */
import { z } from 'zod';
import type { RestRoute } from './rest-routes.ts';
import { SiteIdParamsSchema } from './admin.ts';
import { IdSchema } from './models.ts';
import { HelpBodySchema } from './help-articles.ts';
import { HelpArticleParamsSchema } from './help-payloads.ts';

/** A picture for an article: larger ones belong on an image host. */
export const HELP_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export const HelpPreviewRequestSchema = z.object({ body: HelpBodySchema });
export const HelpPreviewResponseSchema = z.object({ html: z.string() });

/** `<image id>.<ext>`: the id the server made, the extension of the type it sniffed. */
export const HelpImageFileSchema = z.string().regex(/^himg_[A-Za-z0-9_-]{16}\.(?:png|jpg|gif|webp)$/);

export const HelpImageSchema = z.object({
  /** The picture's public address, to put in an article's Markdown as is. */
  url: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
});
export type HelpImage = z.infer<typeof HelpImageSchema>;

export const HelpImageParamsSchema = z.object({ siteId: IdSchema, file: HelpImageFileSchema });

/** What an agent inserts in a reply: the article's link card and a plain-text excerpt of it. */
export const HelpShareResponseSchema = z.object({
  link: z.object({ title: z.string(), summary: z.string().optional(), url: z.string() }),
  excerpt: z.string(),
});
export type HelpShare = z.infer<typeof HelpShareResponseSchema>;

export const helpEditorRoutes = {
  /** Admins: Markdown → the HTML the public pages would show. */
  preview: {
    method: 'POST',
    path: '/api/admin/sites/:siteId/help/preview',
    params: SiteIdParamsSchema,
    request: HelpPreviewRequestSchema,
    response: HelpPreviewResponseSchema,
  },
  /** Admins: one picture as multipart/form-data (part `file`). */
  uploadImage: {
    method: 'POST',
    path: '/api/admin/sites/:siteId/help/images',
    params: SiteIdParamsSchema,
    response: z.object({ image: HelpImageSchema }),
  },
  /** Agents: a published article as a link card (its public page) and an excerpt, to answer with. */
  share: {
    method: 'GET',
    path: '/api/help/sites/:siteId/articles/:articleId/share',
    params: HelpArticleParamsSchema,
    response: HelpShareResponseSchema,
  },
  /** Public: the picture's bytes (no JSON answer). */
  image: { method: 'GET', path: '/api/help-images/:siteId/:file', params: HelpImageParamsSchema },
} as const satisfies Record<string, RestRoute>;
