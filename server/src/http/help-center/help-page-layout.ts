/**
 * @module The frame of every public help center page: language and direction, title, meta
 * description, canonical and alternate-language links, structured data (JSON-LD), the site's colours
 * (a per-site stylesheet, as the page's policy allows no inline style), a search form that works
 * without JavaScript, and the site's chat widget snippet.
 */
import { widgetSnippet } from '../demo-page.ts';
import { directionOf, pageText } from './help-page-text.ts';
import { escapeHtml, jsonForScript } from './html-escape.ts';
import type { HelpPagePaths } from './help-page-paths.ts';

export interface PageFrame {
  publicUrl: string;
  assetsPath: string;
  siteKey: string;
  siteName: string;
  locale: string;
  paths: HelpPagePaths;
}

export interface PageContent {
  title: string;
  description: string;
  /** Path of this page's canonical URL. */
  canonicalPath: string;
  /** The same page in other locales. */
  alternates?: Array<{ locale: string; path: string }>;
  structuredData: unknown[];
  /** The search box's current text. */
  query?: string;
  /** Inside <main>, already escaped. */
  main: string;
  /** Tells search engines not to index (search results, not-found). */
  noindex?: boolean;
}

export function helpPage(frame: PageFrame, content: PageContent): string {
  const text = pageText(frame.locale);
  const abs = (path: string) => escapeHtml(`${frame.publicUrl}${path}`);
  const alternates = (content.alternates ?? [])
    .map((a) => `<link rel="alternate" hreflang="${escapeHtml(a.locale)}" href="${abs(a.path)}">`)
    .join('\n');
  const ld = content.structuredData
    .map((data) => `<script type="application/ld+json">${jsonForScript(data)}</script>`)
    .join('\n');
  const home = frame.paths.home(frame.locale);
  return `<!doctype html>
<html lang="${escapeHtml(frame.locale)}" dir="${directionOf(frame.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<meta name="description" content="${escapeHtml(content.description)}">
${content.noindex ? '<meta name="robots" content="noindex">\n' : ''}<link rel="canonical" href="${abs(content.canonicalPath)}">
${alternates}
<link rel="stylesheet" href="${escapeHtml(`${frame.assetsPath}/help.css`)}">
<link rel="stylesheet" href="${escapeHtml(frame.paths.theme())}">
${ld}
</head>
<body>
<a class="skip" href="#main">${escapeHtml(text.skip)}</a>
<header class="masthead">
<div class="bar">
<a class="brand" href="${escapeHtml(home)}">${escapeHtml(frame.siteName)} · ${escapeHtml(text.helpCenter)}</a>
<form class="search" role="search" action="${escapeHtml(frame.paths.search(frame.locale))}" method="get">
<label for="help-q">${escapeHtml(text.searchLabel)}</label>
<input id="help-q" name="q" type="search" maxlength="200" value="${escapeHtml(content.query ?? '')}" autocomplete="off">
<button type="submit">${escapeHtml(text.search)}</button>
</form>
</div>
</header>
<main id="main">
${content.main}
<p class="chat-hint">${escapeHtml(text.chatHint)}</p>
</main>
<footer class="foot"><a href="${escapeHtml(home)}">${escapeHtml(text.helpCenter)}</a></footer>
${widgetSnippet(frame.publicUrl, frame.siteKey)}
</body>
</html>
`;
}

/** The stylesheet every page shares; colours come from the site's theme.css. */
export const HELP_CSS = `*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;background:#f9fafb}
a{color:#1d4ed8}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:10}
.masthead{background:var(--brand);color:var(--on-brand);padding:1.5rem 0 2rem}
.bar{max-width:52rem;margin:0 auto;padding:0 1rem}
.brand{color:var(--on-brand);font-weight:700;font-size:1.25rem;text-decoration:none}
.search{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem;align-items:center}
.search label{flex-basis:100%;font-size:.95rem}
.search input{flex:1;min-width:12rem;font:inherit;padding:.6rem .8rem;border:1px solid #6b7280;border-radius:.5rem;color:#111827;background:#fff}
.search button{font:inherit;padding:.6rem 1.1rem;border-radius:.5rem;border:2px solid var(--on-brand);background:transparent;color:var(--on-brand);cursor:pointer}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem}
.list{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.list li{background:#fff;border:1px solid #e5e7eb;border-radius:.75rem;padding:.9rem 1rem}
.list a{font-weight:600}
.list p{margin:.25rem 0 0;color:#4b5563}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0;font-size:.95rem}
.crumbs li+li::before{content:"›";margin-inline-end:.5rem;color:#6b7280}
.meta{color:#4b5563;font-size:.95rem}
.article{background:#fff;border:1px solid #e5e7eb;border-radius:.75rem;padding:1rem 1.5rem}
.article img{max-width:100%;height:auto}
.article pre{background:#111827;color:#f9fafb;padding:1rem;border-radius:.5rem;overflow:auto}
.article table{border-collapse:collapse}
.article blockquote{margin:1rem 0;padding:.25rem 1rem;border-inline-start:4px solid #d1d5db;color:#374151}
.article th,.article td{border:1px solid #d1d5db;padding:.35rem .6rem}
.chat-hint{margin-top:2.5rem;color:#374151}
.foot{text-align:center;padding:1rem;color:#4b5563}
`;

/** A site's colours: its brand for the header, and black or white text on it, whichever reads better. */
export function themeCss(brand: string, onBrand: string): string {
  return `:root{--brand:${brand};--on-brand:${onBrand}}\n`;
}
