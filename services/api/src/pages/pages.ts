// The reports pages: server-rendered HTML with plain forms (no front-end build), readable on a phone.
// `/` lists reports newest first and searches them (the API's own `q`); a report's page shows its
// outline, text, attachments and versions, with a diff between any two; runs and sites have a page each.
import { listRuns, type RunSummary, reportCountsBySite, reportDetail } from '@govwatch/db';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type ReportsQuery, reportsPage, reportsQuery, toFilter, versionDiff } from '../routes/reports.ts';
import { type WatchQueryString, watchFor, watchQuery } from '../routes/watch.ts';
import { Html, html, page } from './html.ts';

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
const htmlSchema = (summary: string, extra: object = {}) => ({
  tags: ['pages'],
  summary,
  produces: ['text/html'],
  ...extra,
});

function searchForm(ctx: ApiContext, q: ReportsQuery): Html {
  return html`<form class="search" method="get" action="/" role="search">
<input type="search" name="q" value="${q.q ?? ''}" placeholder="搜索标题和正文,如:行政复议" aria-label="search">
<select name="site" aria-label="site"><option value="">全部站点 All sites</option>${ctx.sites.map(
    (s) => html`<option value="${s.id}"${new Html(q.site === s.id ? ' selected' : '')}>${s.name}</option>`,
  )}</select>
<button type="submit">搜索 Search</button></form>`;
}

function outcomes(r: RunSummary) {
  const o = r.outcomes;
  return { created: o.created ?? 0, updated: o.updated ?? 0, failed: o.failed ?? 0 };
}

export function pageRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: ReportsQuery }>(
    '/',
    {
      schema: htmlSchema('Reports page: newest first, with search', { querystring: reportsQuery }),
      // A plain form sends every field, empty ones too (site=&q=): empty means "any" here.
      preValidation: async (req) => {
        const q = req.query as Record<string, unknown>;
        for (const k of Object.keys(q)) if (q[k] === '') delete q[k];
      },
    },
    async (req, reply) => {
      const result = await reportsPage(ctx, toFilter({ ...req.query, limit: req.query.limit ?? 30 }));
      const next = result.nextCursor
        ? `/?${new URLSearchParams({ ...(req.query as Record<string, string>), cursor: result.nextCursor })}`
        : null;
      const rows = result.items.map(
        (r) => html`<tr><td class="title"><a href="/ui/reports/${r.id}">${r.title ?? r.url}</a></td>
<td data-label="机关">${r.agency ?? '—'}</td><td data-label="年度">${r.reportYear ?? '—'}</td>
<td data-label="发布">${r.publishedAt ?? '—'}</td><td data-label="版本" class="num">v${r.version}</td></tr>`,
      );
      const heading = req.query.q ? `“${req.query.q}”的搜索结果` : '最新报告 Newest reports';
      return reply.type('text/html; charset=utf-8').send(
        page(
          req.query.q ? `${req.query.q} · 搜索` : '报告',
          html`${searchForm(ctx, req.query)}<h1>${heading}</h1>
${result.items.length === 0 ? html`<p class="muted">没有找到报告 No reports found.</p>` : html`<table class="list"><thead><tr><th>标题 Title</th><th>机关 Agency</th><th>年度 Year</th><th>发布 Published</th><th class="num">版本</th></tr></thead><tbody>${rows}</tbody></table>`}
${next ? html`<p class="pager"><a href="${next}">更早的报告 Older →</a></p>` : ''}`,
        ),
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ui/reports/:id',
    {
      schema: htmlSchema("A report's page: outline, text, attachments, versions", {
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
      }),
    },
    async (req, reply) => {
      const r = await reportDetail(ctx.rt.db.prisma, req.params.id);
      if (!r) throw notFound(`no report ${req.params.id}`);
      const c = r.current;
      const versionOptions = (selected: number) =>
        r.versions.map(
          (v) =>
            html`<option value="${v.version}"${new Html(v.version === selected ? ' selected' : '')}>v${v.version} · ${day(v.fetchedAt)}</option>`,
        );
      const body = html`<h1>${r.title ?? r.url}</h1>
<p class="muted">${r.agency ?? '—'} · ${r.reportYear ?? '—'}年度 · 发布 ${r.publishedAt ?? '—'} · <span class="badge">v${r.version}</span> · <a href="${r.url}" rel="noreferrer">原文 source</a></p>
${
  r.versions.length > 1
    ? html`<form class="search" method="get" action="/ui/reports/${r.id}/diff"><label>比较 Compare <select name="from" aria-label="from">${versionOptions(r.version - 1)}</select></label>
<label>与 with <select name="to" aria-label="to">${versionOptions(r.version)}</select></label><button type="submit">查看差异 Diff</button></form>`
    : ''
}
${c.sections.length ? html`<h2>目录 Outline</h2><ul class="outline card">${c.sections.map((s) => html`<li class="l${s.level}">${s.heading}</li>`)}</ul>` : ''}
${c.attachments.length ? html`<h2>附件 Attachments</h2><ul class="card">${c.attachments.map((a) => html`<li><a href="${a.url}" rel="noreferrer">${a.name || a.url}</a></li>`)}</ul>` : ''}
<h2>正文 Text</h2><div class="text card">${c.text.split('\n').map((p) => html`<p>${p}</p>`)}</div>
<h2>版本 Versions</h2><table class="list"><thead><tr><th>版本</th><th>抓取 Fetched</th><th class="num">字数 Chars</th></tr></thead><tbody>${r.versions.map(
        (v) =>
          html`<tr><td><a href="/ui/reports/${r.id}/diff?to=${v.version}&from=${Math.max(1, v.version - 1)}">v${v.version}</a></td><td data-label="抓取">${day(v.fetchedAt)}</td><td class="num" data-label="字数">${v.chars}</td></tr>`,
      )}</tbody></table>`;
      return reply.type('text/html; charset=utf-8').send(page(r.title ?? r.url, body));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: number; to?: number } }>(
    '/ui/reports/:id/diff',
    {
      schema: htmlSchema('The differences between two versions of a report', {
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
        },
      }),
    },
    async (req, reply) => {
      const d = await versionDiff(ctx, req.params.id, req.query.from, req.query.to);
      const title = d.report.title ?? d.report.url;
      const body = html`<p><a href="/ui/reports/${d.report.id}">← ${title}</a></p>
<h1>v${d.from} → v${d.to}</h1><p class="muted">新增 ${d.added} 行 added · 删除 ${d.removed} 行 removed</p>
<div class="diff card">${d.lines.map((l) => html`<div class="${l.op}">${l.text}</div>`)}</div>`;
      return reply.type('text/html; charset=utf-8').send(page(`v${d.from} → v${d.to} · ${title}`, body));
    },
  );

  app.get(
    '/ui/runs',
    { schema: htmlSchema('Crawl runs: the last per site, then the most recent') },
    async (_req, reply) => {
      const runs = await listRuns(ctx.rt.db.prisma, undefined, 50);
      const lastBySite = new Map<string, RunSummary>();
      for (const r of runs) if (!lastBySite.has(r.siteId)) lastBySite.set(r.siteId, r);
      const row = (r: RunSummary, label: string) => {
        const o = outcomes(r);
        return html`<tr><td class="title">${label}</td><td data-label="状态">${r.status}</td><td data-label="开始">${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
<td class="num" data-label="页面">${r.pagesSettled}/${r.pagesQueued}</td><td class="num" data-label="新增">${o.created}</td><td class="num" data-label="更新">${o.updated}</td><td class="num" data-label="错误">${o.failed}</td></tr>`;
      };
      const head = html`<thead><tr><th></th><th>状态 Status</th><th>开始 Started</th><th class="num">页面 Pages</th><th class="num">新增 New</th><th class="num">更新 Updated</th><th class="num">错误 Errors</th></tr></thead>`;
      const body = html`<h1>运行 Runs</h1><h2>每个站点的最近一次 Last run per site</h2>
<table class="list">${head}<tbody>${[...lastBySite.values()].map((r) => row(r, r.siteId))}</tbody></table>
<h2>最近的运行 Recent runs</h2><table class="list">${head}<tbody>${runs.map((r) => row(r, `${r.siteId} · ${r.trigger}`))}</tbody></table>`;
      return reply.type('text/html; charset=utf-8').send(page('运行 Runs', body));
    },
  );

  app.get(
    '/ui/sites',
    { schema: htmlSchema('The sites of the site file, with their report counts') },
    async (_req, reply) => {
      const counts = await reportCountsBySite(ctx.rt.db.prisma);
      const body = html`<h1>站点 Sites</h1><table class="list"><thead><tr><th>站点 Site</th><th>ID</th><th>抓取 Render</th><th>计划 Schedule</th><th class="num">报告 Reports</th></tr></thead><tbody>${ctx.sites.map(
        (s) =>
          html`<tr><td class="title"><a href="/?site=${s.id}">${s.name}</a></td><td data-label="ID">${s.id}</td><td data-label="抓取">${s.render}</td><td data-label="计划">${s.schedule}</td><td class="num" data-label="报告">${counts.get(s.id) ?? 0}</td></tr>`,
      )}</tbody></table>`;
      return reply.type('text/html; charset=utf-8').send(page('站点 Sites', body));
    },
  );

  app.get<{ Querystring: WatchQueryString }>(
    '/ui/watch',
    {
      schema: htmlSchema('Publication watch: per agency, its report on a year, on time, late or missing', {
        querystring: watchQuery,
      }),
      preValidation: async (req) => {
        const q = req.query as Record<string, unknown>;
        for (const k of Object.keys(q)) if (q[k] === '') delete q[k];
      },
    },
    async (req, reply) => {
      const t = await watchFor(ctx, req.query);
      const status = (r: (typeof t.rows)[number]) =>
        r.status === 'onTime'
          ? `按时 on time, ${r.daysBefore} 天前`
          : r.status === 'late'
            ? `逾期发布 late, ${-r.daysBefore} 天后`
            : r.status === 'overdue'
              ? `未发布且已逾期 overdue, ${-r.daysBefore} 天`
              : '尚未发布 not yet';
      const rows = t.rows.map(
        (
          r,
        ) => html`<tr class="${r.status}"><td class="title">${r.agency}${r.needsReview ? ' (待核 review)' : ''}</td><td data-label="截止">${r.deadline}</td>
<td data-label="状态">${status(r)}</td><td data-label="发布">${r.report?.publishedOn ?? '—'}</td>
<td data-label="报告">${r.report ? html`<a href="/ui/reports/${r.report.id}">${r.report.title ?? r.report.url}</a>` : '—'}</td></tr>`,
      );
      const x = t.totals;
      const body = html`<h1>${t.year} 年度报告公开情况 Publication watch</h1>
<form class="search" method="get" action="/ui/watch"><input type="number" name="year" value="${String(t.year)}" aria-label="year">
<select name="site" aria-label="site"><option value="">全部站点 All sites</option>${ctx.sites.map(
        (s) => html`<option value="${s.id}"${new Html(req.query.site === s.id ? ' selected' : '')}>${s.name}</option>`,
      )}</select><button type="submit">查看 Show</button></form>
<p class="muted">截至 as of ${t.asOfDate} (Asia/Shanghai)</p>
<table class="list"><thead><tr><th>机关 Agency</th><th>截止 Deadline</th><th>状态 Status</th><th>发布 Published</th><th>报告 Report</th></tr></thead><tbody>${rows}</tbody></table>
<p class="totals">${x.agencies} 个机关:按时 ${x.onTime},逾期发布 ${x.late},未发布 ${x.missing}(已逾期 ${x.overdue})· ${x.agencies} agencies: ${x.onTime} on time, ${x.late} late, ${x.missing} missing (${x.overdue} overdue)</p>`;
      return reply.type('text/html; charset=utf-8').send(page(`${t.year} 公开情况 Watch`, body));
    },
  );
}
