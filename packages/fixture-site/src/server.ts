// The HTTP side of the fixture: static pages with strong ETags and Last-Modified, conditional
// GET, the Hanweb dataproxy, the WAF challenge, /__fail/N, and a log of every request.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { LAYOUTS_META, layoutPages } from './layouts.ts';
import { buildSite, type SiteModel, type StaticPage } from './sections.ts';
import { renderSiteYaml, siteEntries } from './site-yaml.ts';
import { DATAPROXY_PATH, renderDataproxy } from './templates/hanweb-list.ts';
import { renderWafChallenge } from './templates/waf.ts';
import type { FixtureSite, FixtureSiteOptions, RequestLogEntry } from './types.ts';

type Entry = StaticPage & { body: Buffer; etag: string; removed: boolean };

function encode(html: string, encoding: StaticPage['encoding']): Buffer {
  return encoding === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** HTTP dates have second precision; keep Last-Modified on whole seconds so If-Modified-Since compares exactly. */
function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

function toEntry(page: StaticPage): Entry {
  const body = encode(page.html, page.encoding);
  return { ...page, lastModified: wholeSecond(page.lastModified), body, etag: etagOf(body), removed: false };
}

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function notModified(req: IncomingMessage, e: Entry): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const t = Date.parse(ims);
    return !Number.isNaN(t) && e.lastModified.getTime() <= t;
  }
  return false;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const NOT_FOUND = Buffer.from(
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head><body><h1>404</h1><p>您访问的页面不存在或已被删除。</p></body></html>\n',
);

export async function startFixtureSite(opts: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const host = opts.host ?? '127.0.0.1';
  const latencyMs = opts.latencyMs ?? 0;
  const log: RequestLogEntry[] = [];
  const failCounts = new Map<string, number>();
  let entries = new Map<string, Entry>();
  let model: SiteModel | undefined;

  const lookup = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e) return e;
    const q = key.indexOf('?');
    const path = q < 0 ? key : key.slice(0, q);
    return path.endsWith('/') ? entries.get(`${path}index.html${q < 0 ? '' : key.slice(q)}`) : undefined;
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer,
  ) => {
    res.writeHead(status, { Server: 'nginx', ...headers, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const serveEntry = (req: IncomingMessage, res: ServerResponse, key: string) => {
    const e = lookup(key);
    if (!e || e.removed) {
      send(req, res, 404, { 'Content-Type': 'text/html; charset=utf-8' }, NOT_FOUND);
      return;
    }
    const headers = { ETag: e.etag, 'Last-Modified': e.lastModified.toUTCString(), 'Cache-Control': 'max-age=0' };
    if (notModified(req, e)) {
      res.writeHead(304, { Server: 'nginx', ...headers });
      res.end();
      return;
    }
    send(req, res, 200, { ...headers, 'Content-Type': e.contentType }, e.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const key = url.pathname + url.search;
    if (url.pathname.startsWith('/__fail/')) {
      // /__fail/N[/rest]: 503 with Retry-After the first N times, then /rest (or a small OK page).
      const m = /^\/__fail\/(\d+)(\/.*)?$/.exec(url.pathname);
      const n = Number(m?.[1] ?? 0);
      const count = (failCounts.get(key) ?? 0) + 1;
      failCounts.set(key, count);
      if (count <= n) {
        const retryAfter = url.searchParams.get('retryAfter') ?? '1';
        send(
          req,
          res,
          503,
          { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': retryAfter },
          Buffer.from('<html><body>503 Service Temporarily Unavailable</body></html>\n'),
        );
        return;
      }
      if (m?.[2]) return serveEntry(req, res, m[2]);
      send(
        req,
        res,
        200,
        { 'Content-Type': 'text/html; charset=utf-8' },
        Buffer.from('<html><body>ok</body></html>\n'),
      );
      return;
    }
    if (url.pathname === DATAPROXY_PATH && model) {
      const form = new URLSearchParams(req.method === 'POST' ? await readBody(req) : '');
      const param = (name: string) => url.searchParams.get(name) ?? form.get(name);
      const { column, items } = model.hanweb;
      const perPage = Number(param('perpage') ?? column.perPage) || column.perPage;
      const start = Number(param('startrecord') ?? 1) || 1;
      const end = Number(param('endrecord') ?? start + perPage - 1) || start + perPage - 1;
      const known = String(param('columnid') ?? '') === String(column.columnId);
      const xml = renderDataproxy(column, known ? items : [], start, end);
      send(req, res, 200, { 'Content-Type': 'text/xml; charset=utf-8' }, Buffer.from(xml));
      return;
    }
    // /wafpass/REST, /waf521/REST and /waf403/REST: a challenge that a browser passes (with the
    // cookie its script sets, they serve /REST); /waf521/ answers the challenge with status 521,
    // as Jiasule does, /waf403/ with 403, as others do.
    const passable = /^\/(wafpass|waf521|waf403)\//.exec(url.pathname);
    if (passable && /(?:^|;\s*)__jsl_clearance=/.test(req.headers.cookie ?? '')) {
      return serveEntry(req, res, key.slice(passable[0].length - 1));
    }
    if (url.pathname.startsWith('/waf/') || passable) {
      const seed = createHash('sha1').update(key).digest('hex').toUpperCase();
      send(
        req,
        res,
        url.pathname.startsWith('/waf521/') ? 521 : url.pathname.startsWith('/waf403/') ? 403 : 200,
        {
          'Content-Type': 'text/html; charset=utf-8',
          'Set-Cookie': `__jsluid_h=${seed.slice(0, 32).toLowerCase()}; max-age=31536000; path=/; HttpOnly`,
        },
        Buffer.from(renderWafChallenge(seed)),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(
        req,
        res,
        405,
        { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' },
        Buffer.from('405 Method Not Allowed\n'),
      );
      return;
    }
    serveEntry(req, res, key);
  };

  const server = createServer((req, res) => {
    const entry: RequestLogEntry = {
      t: Date.now(),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      host: req.headers.host ?? '',
      headers: flatHeaders(req),
      status: 0,
    };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const run = () =>
      handle(req, res, url).catch((err: unknown) => {
        if (!res.headersSent)
          send(req, res, 500, { 'Content-Type': 'text/plain' }, Buffer.from(`500 ${String(err)}\n`));
        else res.destroy();
      });
    if (latencyMs > 0) setTimeout(run, latencyMs);
    else void run();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  model = buildSite(origin, {
    reportCount: opts.reportCount ?? 8,
    newsCount: opts.newsCount ?? 4,
    pageSize: opts.pageSize ?? 10,
    crawlDelay: opts.crawlDelay ?? 0,
  });
  const layouts = opts.layoutsDir ? layoutPages(opts.layoutsDir, origin) : null;
  entries = new Map([...model.pages, ...(layouts?.pages ?? [])].map(([k, p]) => [k, toEntry(p)]));
  const sections = layouts ? [...model.sections, LAYOUTS_META] : model.sections;

  const mustGet = (path: string): Entry => {
    const e = lookup(path);
    if (!e) throw new Error(`fixture-site: no page at ${path}`);
    return e;
  };

  return {
    origin,
    log,
    clearLog: () => {
      log.length = 0;
    },
    reports: model.reports,
    nonReports: model.nonReports,
    layouts: layouts?.cases ?? [],
    mutate(path, change) {
      const e = mustGet(path);
      const decoded = e.encoding === 'gbk' ? iconv.decode(e.body, 'gbk') : e.body.toString('utf8');
      const html = change(decoded);
      e.html = html;
      e.body = encode(html, e.encoding);
      e.etag = etagOf(e.body);
      e.lastModified = wholeSecond(new Date(Math.max(Date.now(), e.lastModified.getTime() + 1000)));
    },
    remove(path) {
      mustGet(path).removed = true;
    },
    restore(path) {
      mustGet(path).removed = false;
    },
    sites: (options) => siteEntries(origin, sections, options),
    siteYaml: (options) => renderSiteYaml(origin, siteEntries(origin, sections, options)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
