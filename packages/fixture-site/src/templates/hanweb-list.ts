// Hanweb/JCMS column page and its dataproxy.jsp XML. The column page carries no records: its
// jpage script config (columnid, unitid, perPage, groupSize) tells a crawler what to POST.
import { esc, footer } from '../html.ts';
import type { ListItem } from './lists.ts';

export const DATAPROXY_PATH = '/module/web/jpage/dataproxy.jsp';

export type HanwebColumn = {
  siteName: string;
  columnName: string;
  columnId: number;
  unitId: number;
  perPage: number;
  groupSize: number;
};

function ajaxParam(c: HanwebColumn): string {
  return `{col:1,appid:1,webid:1,path:'/',columnid:${c.columnId},sourceContentType:1,unitid:${c.unitId},webname:'${c.siteName}',permissiontype:0}`;
}

export function renderHanwebColumn(c: HanwebColumn): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(c.columnName)} ${esc(c.siteName)}</title>
<meta name="SiteName" content="${esc(c.siteName)}">
<meta name="ColumnName" content="${esc(c.columnName)}">
</head>
<body>
<div class="top"><div class="logo">${esc(c.siteName)}</div></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; ${esc(c.columnName)}</div>
<div class="list-box"><div class="list-title">${esc(c.columnName)}</div>
<div id="${c.unitId}"></div>
</div>
<script type="text/javascript">
// Minimal stand-in for Hanweb's jquery.page.js: POST to the proxy group by group and append the records.
function jpage(unitid, cfg) {
  var box = document.getElementById(unitid);
  var ul = document.createElement('ul');
  box.appendChild(ul);
  function load(start) {
    var end = start + cfg.perPage * cfg.groupSize - 1;
    var body = Object.keys(cfg.ajaxParam).map(function (k) { return k + '=' + encodeURIComponent(cfg.ajaxParam[k]); }).join('&');
    fetch(cfg.proxyUrl + '?startrecord=' + start + '&endrecord=' + end + '&perpage=' + cfg.perPage, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body
    }).then(function (r) { return r.text(); }).then(function (xml) {
      var doc = new DOMParser().parseFromString(xml, 'text/xml');
      var records = doc.getElementsByTagName('record');
      for (var i = 0; i < records.length; i++) { ul.insertAdjacentHTML('beforeend', records[i].textContent); }
      var total = Number(doc.getElementsByTagName('totalrecord')[0].textContent);
      if (end < total) load(end + 1);
    });
  }
  load(1);
}
jpage('${c.unitId}', {proxyUrl:'${DATAPROXY_PATH}',perPage:${c.perPage},groupSize:${c.groupSize},ajaxParam:${ajaxParam(c)}});
</script>
${footer(c.siteName)}
</body>
</html>
`;
}

/** dataproxy.jsp answer for records startrecord..endrecord (1-based, inclusive). */
export function renderDataproxy(c: HanwebColumn, all: ListItem[], start: number, end: number): string {
  const from = Math.max(1, start);
  const slice = all.slice(from - 1, Math.max(from - 1, end));
  const records = slice
    .map(
      (it) =>
        `<record><![CDATA[\n<li><a href="${esc(it.href)}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a><span>${it.date}</span></li>\n]]></record>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<nextgroup><![CDATA[<a href="${DATAPROXY_PATH}?page=1&appid=1&webid=1&path=/&columnid=${c.columnId}&unitid=${c.unitId}&webname=${encodeURIComponent(c.siteName)}&permissiontype=0"></a>]]></nextgroup>
<recordset>
${records}
</recordset>
<totalrecord>${all.length}</totalrecord>
<totalpage>${Math.ceil(all.length / c.perPage)}</totalpage>
</datastore>
`;
}
