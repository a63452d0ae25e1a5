/**
 * @module The demo host page at `/`: an ordinary page that embeds the widget with the same snippet a
 * site owner pastes, so what a newcomer tries is what a customer gets.
 */
export function widgetSnippet(publicUrl: string, siteKey: string): string {
  return `<script async src="${escapeAttr(`${publicUrl}/widget.js`)}" data-site-key="${escapeAttr(siteKey)}"></script>`;
}

export function demoPage(publicUrl: string, siteKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley demo shop</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<main>
  <h1>Parley demo shop</h1>
  <p>This page stands in for your website. It embeds the Parley widget with exactly the snippet you would paste:</p>
  <pre><code>${escapeHtml(widgetSnippet(publicUrl, siteKey))}</code></pre>
  <p>Open the chat in the corner and write something. Then sign in to the
  <a href="${escapeAttr(`${publicUrl}/console/`)}">agent console</a> in another window to answer.</p>
</main>
${widgetSnippet(publicUrl, siteKey)}
</body>
</html>
`;
}

export const DEMO_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2937;background:#f9fafb}
main{max-width:42rem;margin:4rem auto;padding:0 1rem}
pre{background:#111827;color:#e5e7eb;padding:1rem;border-radius:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
a{color:#4f46e5}`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
