/**
 * @module The readable API reference at /api/v1/reference: HTML rendered on the server from the
 * OpenAPI document itself (so it cannot drift from it), with a stylesheet of our own and no
 * script or CDN: it works offline and under the strictest content security policy.
 */
import { escapeHtml } from '../help-center/html-escape.ts';
import { apiOperations } from './openapi-document.ts';

type Json = Record<string, unknown>;

export const REFERENCE_CSS = `
:root { color-scheme: light dark; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #fff; --code: #f3f4f6; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --muted: #9aa4ae; --line: #30363d; --bg: #0d1117; --code: #161b22; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
a { color: inherit; }
section.op { border-top: 1px solid var(--line); padding: 1rem 0; }
.method { display: inline-block; min-width: 4.5em; font: 700 .8rem/1.6 ui-monospace, monospace; text-transform: uppercase; }
code, pre { font-family: ui-monospace, monospace; background: var(--code); border-radius: 4px; }
code { padding: 0 .25em; overflow-wrap: anywhere; }
pre { padding: .75rem; overflow-x: auto; font-size: .85rem; max-height: 24rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .25rem .5rem .25rem 0; vertical-align: top; }
.muted { color: var(--muted); }
details summary { cursor: pointer; }
`;

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
/** The document's descriptions use Markdown's `code` spans, and nothing else of it. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
const schemaBlock = (label: string, schema: unknown) =>
  `<details><summary>${escapeHtml(label)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;

function parameterTable(parameters: Json[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters
    .map((p) => {
      const schema = (p.schema ?? {}) as Json;
      const type = typeof schema.type === 'string' ? schema.type : 'value';
      const values = Array.isArray(schema.enum) ? ` (${schema.enum.map(String).join(', ')})` : '';
      return `<tr><td>${code(String(p.name))}</td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(type + values)}</td><td>${p.required === true ? 'yes' : 'no'}</td></tr>`;
    })
    .join('');
  return `<table><caption class="muted">Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function referencePage(document: Json): string {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const info = document.info as { title: string; description: string };
  const tags = [...new Set(apiOperations().map((op) => op.route.tag))];
  const sections = tags
    .map((tag) => {
      const ops = apiOperations()
        .filter((op) => op.route.tag === tag)
        .map((op) => {
          const operation = paths[op.path]?.[op.method] ?? {};
          const body = (operation.requestBody as { content: Record<string, { schema: unknown }> } | undefined)?.content[
            'application/json'
          ]?.schema;
          const responses = operation.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
          const [status, success] = Object.entries(responses)[0] ?? ['200', {}];
          return `<section class="op" id="${escapeHtml(op.operationId)}" aria-labelledby="${escapeHtml(op.operationId)}-title">
<h3 id="${escapeHtml(op.operationId)}-title"><span class="method">${escapeHtml(op.method)}</span> ${code(op.path)}</h3>
<p>${prose(String(operation.summary))}. <span class="muted">${prose(String(operation.description))}</span></p>
${parameterTable((operation.parameters ?? []) as Json[])}
${body === undefined ? '' : schemaBlock('Request body (JSON Schema)', body)}
${schemaBlock(`Response ${status} (JSON Schema)`, success.content?.['application/json']?.schema ?? {})}
</section>`;
        })
        .join('\n');
      return `<h2 id="tag-${escapeHtml(tag.toLowerCase().replace(/\W+/g, '-'))}">${escapeHtml(tag)}</h2>\n${ops}`;
    })
    .join('\n');
  const nav = tags
    .map(
      (tag) => `<li><a href="#tag-${escapeHtml(tag.toLowerCase().replace(/\W+/g, '-'))}">${escapeHtml(tag)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} reference</title><link rel="stylesheet" href="/api/v1/reference.css"></head>
<body><header><h1>${escapeHtml(info.title)}</h1><p>${prose(info.description)}</p>
<p>The machine-readable document: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<nav aria-label="Resources"><ul>${nav}</ul></nav></header>
<main>${sections}</main></body></html>`;
}
