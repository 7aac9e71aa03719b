// Hanweb/JCMS columns load their records with jpage(): a POST to /module/web/jpage/dataproxy.jsp
// with the column's ajaxParam, startrecord/endrecord/perpage in the query. Pure helpers to find
// that configuration in a column page and to build each group's request.

export type DataproxyRequest = {
  url: string;
  method: 'POST';
  body: string;
  start: number;
  end: number;
  step: number;
};

const PROXY = /proxyUrl\s*:\s*['"]([^'"]*dataproxy\.jsp)['"]/i;
const PER_PAGE = /perPage\s*:\s*['"]?(\d+)/i;
const GROUP = /groupSize\s*:\s*['"]?(\d+)/i;
const AJAX_PARAM = /ajaxParam\s*:\s*\{([^}]*)\}/i;
// Older templates put the parameters in a <script type="text/xml"> / hidden form instead.
const COLUMN_ID = /\bcolumnid\s*[:=]\s*['"]?(\d+)/i;

export function findDataproxy(html: string, pageUrl: string): DataproxyRequest | null {
  const proxy =
    PROXY.exec(html)?.[1] ??
    (/dataproxy\.jsp/i.test(html) && COLUMN_ID.test(html) ? '/module/web/jpage/dataproxy.jsp' : null);
  if (!proxy) return null;
  const params = new URLSearchParams();
  const ajax = AJAX_PARAM.exec(html)?.[1];
  if (ajax) {
    for (const m of ajax.matchAll(/(\w+)\s*:\s*(?:'([^']*)'|"([^"]*)"|([^,\s]+))/g)) {
      if (m[1]) params.set(m[1], m[2] ?? m[3] ?? m[4] ?? '');
    }
  } else {
    const columnId = COLUMN_ID.exec(html)?.[1];
    if (!columnId) return null;
    params.set('columnid', columnId);
  }
  const perPage = Number(PER_PAGE.exec(html)?.[1] ?? 15);
  const step = perPage * Number(GROUP.exec(html)?.[1] ?? 3);
  return dataproxyGroup(new URL(proxy, pageUrl).href, params.toString(), 1, step, perPage);
}

export function dataproxyGroup(
  proxyUrl: string,
  body: string,
  start: number,
  step: number,
  perPage = step,
): DataproxyRequest {
  const url = new URL(proxyUrl);
  url.search = '';
  const end = start + step - 1;
  url.searchParams.set('startrecord', String(start));
  url.searchParams.set('endrecord', String(end));
  url.searchParams.set('perpage', String(perPage));
  return { url: url.href, method: 'POST', body, start, end, step };
}
