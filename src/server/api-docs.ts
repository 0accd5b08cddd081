/**
 * `/api/v1/docs`: the API described for people, written from the same OpenAPI document as
 * `/api/v1/openapi.json`. A plain, server-rendered HTML page (no script): headings per group and
 * per operation, a table of parameters, the responses, the schemas in collapsed blocks. It
 * replaces Swagger UI, whose page failed WCAG A/AA (an image without alt, an unlabelled input,
 * contrast, buttons inside buttons) and weighed 1.5 MB of script.
 */
import type { FastifyInstance } from 'fastify';
import { language, t } from '../i18n/index.js';

const escape = (value: unknown): string =>
  String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  pattern?: string;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  info: { title: string; description?: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A schema in a few words: `string (date)`, `integer`, `one of: a, b`, `array of string`. */
function typeWords(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.enum) return t('common:apiDocs.oneOf', { values: schema.enum.map(String).join(', ') });
  if (schema.anyOf) return schema.anyOf.map(typeWords).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  if (type === 'array') return t('common:apiDocs.arrayOf', { type: typeWords(schema.items) });
  return schema.format ? `${type} (${schema.format})` : type;
}

const slug = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function schemaBlock(label: string, content: Record<string, { schema?: unknown }> | undefined): string {
  if (!content) return '';
  return Object.entries(content)
    .filter(([, c]) => c.schema !== undefined)
    .map(
      ([type, c]) =>
        `<details><summary>${escape(label)} <code>${escape(type)}</code></summary><pre tabindex="0">${escape(JSON.stringify(c.schema, null, 2))}</pre></details>`,
    )
    .join('\n');
}

function operationHtml(method: string, path: string, op: Operation): string {
  const id = slug(`${method} ${path}`);
  const params = op.parameters ?? [];
  const rows = params
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escape(p.name)}</code></th><td>${escape(p.in)}</td><td>${escape(
          p.required ? t('common:apiDocs.yes') : t('common:apiDocs.no'),
        )}</td><td>${escape(typeWords(p.schema))}</td><td>${escape(p.description ?? '')}</td></tr>`,
    )
    .join('\n');
  const table =
    params.length === 0
      ? ''
      : `<div class="table-scroll" tabindex="0" role="region" aria-label="${escape(t('common:apiDocs.parametersOf', { operation: `${method.toUpperCase()} ${path}` }))}"><table>
<caption>${escape(t('common:apiDocs.parameters'))}</caption>
<thead><tr><th scope="col">${escape(t('common:apiDocs.name'))}</th><th scope="col">${escape(t('common:apiDocs.in'))}</th><th scope="col">${escape(t('common:apiDocs.required'))}</th><th scope="col">${escape(t('common:apiDocs.type'))}</th><th scope="col">${escape(t('common:apiDocs.description'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  const responses = Object.entries(op.responses ?? {})
    .map(
      ([status, r]) =>
        `<li><strong>${escape(status)}</strong> ${escape(r.description ?? '')}${schemaBlock(t('common:apiDocs.schema'), r.content)}</li>`,
    )
    .join('\n');
  return `<section class="operation" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><span class="method method-${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
${op.summary ? `<p class="summary">${escape(op.summary)}</p>` : ''}
${op.description && op.description !== op.summary ? `<p>${escape(op.description)}</p>` : ''}
${table}
${schemaBlock(t('common:apiDocs.requestBody'), op.requestBody?.content)}
${responses === '' ? '' : `<h4>${escape(t('common:apiDocs.responses'))}</h4><ul class="responses">${responses}</ul>`}
</section>`;
}

const STYLE = `
  :root { color: #1b1b1b; background: #fff; font: 16px/1.5 system-ui, "DejaVu Sans", Arial, sans-serif; }
  body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
  a { color: #1a4f8b; }
  a:focus-visible, summary:focus-visible, pre:focus-visible, .table-scroll:focus-visible { outline: 3px solid #1a4f8b; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; } .skip:focus { position: static; }
  h1 { margin-bottom: 0.25rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ddd; }
  h3 { margin: 1.5rem 0 0.25rem; font-size: 1.05rem; overflow-wrap: anywhere; }
  .method { display: inline-block; min-width: 4.2rem; padding: 0.1rem 0.4rem; border-radius: 3px; color: #fff; background: #3b3b3b; font-size: 0.85rem; text-align: center; }
  .method-get { background: #1a4f8b; } .method-post { background: #1d6b3a; } .method-put, .method-patch { background: #7a4a00; } .method-delete { background: #a1261b; }
  .operation { border-top: 1px solid #eee; }
  .table-scroll { overflow-x: auto; }
  table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.92rem; }
  caption { text-align: left; font-weight: bold; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
  summary { cursor: pointer; min-height: 24px; padding: 0.2rem 0; }
  pre { background: #f5f5f5; padding: 0.75rem; overflow: auto; max-height: 24rem; font-size: 0.85rem; }
  nav ul { columns: 2 16rem; } nav li { margin: 0.2rem 0; }
  nav a { display: inline-block; min-height: 24px; }
  @media print { .skip, nav { display: none; } details { display: block; } pre { max-height: none; } }
`;

/** The whole page from the OpenAPI document. */
export function apiDocsHtml(doc: OpenApi): string {
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? t('common:apiDocs.other');
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, op }]);
    }
  }
  const contents = [...groups.keys()].map((tag) => `<li><a href="#${slug(tag)}">${escape(tag)}</a></li>`).join('\n');
  const body = [...groups.entries()]
    .map(
      ([tag, ops]) =>
        `<section aria-labelledby="${slug(tag)}"><h2 id="${slug(tag)}">${escape(tag)}</h2>\n${ops
          .map((o) => operationHtml(o.method, o.path, o.op))
          .join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escape(language())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('common:apiDocs.title', { title: doc.info.title }))}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#operations">${escape(t('common:apiDocs.skip'))}</a>
<header>
<h1>${escape(t('common:apiDocs.title', { title: doc.info.title }))}</h1>
<p>${escape(doc.info.description ?? '')}</p>
<p>${escape(t('common:apiDocs.machine'))} <a href="/api/v1/openapi.json">${escape(t('common:apiDocs.openapi'))}</a>. <a href="/">${escape(t('common:apiDocs.back'))}</a></p>
</header>
<nav aria-label="${escape(t('common:apiDocs.contents'))}"><h2>${escape(t('common:apiDocs.contents'))}</h2><ul>${contents}</ul></nav>
<main id="operations" tabindex="-1">
${body}
</main>
</body>
</html>`;
}

/** Registers `/api/v1/docs` and `/api/v1/docs/`: the page is written on its first request, when every route is known. */
export function registerApiDocs(app: FastifyInstance, openapi: () => unknown): void {
  let html: string | null = null;
  for (const url of ['/api/v1/docs', '/api/v1/docs/'])
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send((html ??= apiDocsHtml(openapi() as OpenApi))),
    );
}
