// Column (list) pages in the pagination styles of Chinese government CMSs.
import { esc, footer } from '../html.ts';

export type ListItem = { href: string; title: string; date: string };

const TITLE_MAX = 28;

/** Long titles are cut in the link text (the full title stays in the title attribute), as list pages do. */
function shown(title: string): string {
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX)}…` : title;
}

function items(list: ListItem[]): string {
  return list
    .map(
      (it) =>
        `<li><a href="${esc(it.href)}" title="${esc(it.title)}" target="_blank">${esc(shown(it.title))}</a><span>${it.date}</span></li>`,
    )
    .join('\n');
}

function page(siteName: string, columnName: string, listHtml: string, pager: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(columnName)}_${esc(siteName)}</title>
<meta name="SiteName" content="${esc(siteName)}">
<meta name="ColumnName" content="${esc(columnName)}">
<meta name="ColumnType" content="列表">
<link rel="stylesheet" href="/images/common.css">
${head}</head>
<body>
<div class="header"><div class="logo"><a href="/">${esc(siteName)}</a></div></div>
<div class="position">您的当前位置：<a href="/">首页</a> &gt; <a href="/gaxw/">公安新闻</a> &gt; ${esc(columnName)}</div>
<div class="list-box">
<div class="list-title">${esc(columnName)}</div>
<ul class="list">
${listHtml}
</ul>
<div class="page">${pager}</div>
</div>
${footer(siteName)}
</body>
</html>
`;
}

/** TRS's paging script, inline as many sites copy it: writes 首页/上一页/numbers/下一页/尾页. */
const CREATE_PAGE_HTML = `<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  function url(i){ return _sPageName + (i == 0 ? "" : "_" + i) + "." + _sPageExt; }
  document.write("<span>共" + _nPageCount + "页</span>&nbsp;");
  if(nCurrIndex == 0){ document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;"); }
  else { document.write("<a href=\\"" + url(0) + "\\">首页</a>&nbsp;<a href=\\"" + url(nCurrIndex - 1) + "\\">上一页</a>&nbsp;"); }
  for(var i = Math.max(0, nCurrIndex - 4); i < Math.min(_nPageCount, nCurrIndex + 5); i++){
    if(i == nCurrIndex){ document.write("<span class=\\"current\\">" + (i + 1) + "</span>&nbsp;"); }
    else { document.write("<a href=\\"" + url(i) + "\\">" + (i + 1) + "</a>&nbsp;"); }
  }
  if(nCurrIndex == _nPageCount - 1){ document.write("<span>下一页</span>&nbsp;<span>尾页</span>"); }
  else { document.write("<a href=\\"" + url(nCurrIndex + 1) + "\\">下一页</a>&nbsp;<a href=\\"" + url(_nPageCount - 1) + "\\">尾页</a>"); }
}
</script>`;

/** TRS list: index.html, index_1.html, …; the page count only in createPageHTML(N, cur, "index", "html"). */
export function renderTrsList(o: {
  siteName: string;
  columnName: string;
  items: ListItem[];
  pageCount: number;
  current: number;
}): string {
  return page(
    o.siteName,
    o.columnName,
    items(o.items),
    `<script type="text/javascript">createPageHTML(${o.pageCount}, ${o.current}, "index", "html");</script>`,
    `${CREATE_PAGE_HTML}\n`,
  );
}

/** Plain 上一页/下一页 links and nothing else about the page count. */
export function renderNextLinkList(o: {
  siteName: string;
  columnName: string;
  items: ListItem[];
  prev?: string;
  next?: string;
}): string {
  const pager = [
    o.prev ? `<a href="${esc(o.prev)}" class="prev">上一页</a>` : '<span class="disabled">上一页</span>',
    o.next ? `<a href="${esc(o.next)}" class="next">下一页</a>` : '<span class="disabled">下一页</span>',
  ].join(' ');
  return page(o.siteName, o.columnName, items(o.items), pager);
}

/** list?page=N with 首页/上一页/下一页/尾页 and 共N页. */
export function renderQueryList(o: {
  siteName: string;
  columnName: string;
  items: ListItem[];
  pageCount: number;
  page: number;
}): string {
  const link = (n: number, label: string) => `<a href="list?page=${n}">${label}</a>`;
  const pager = [
    `<span>共${o.pageCount}页 当前第${o.page}页</span>`,
    o.page > 1 ? link(1, '首页') : '<span>首页</span>',
    o.page > 1 ? link(o.page - 1, '上一页') : '<span>上一页</span>',
    o.page < o.pageCount ? link(o.page + 1, '下一页') : '<span>下一页</span>',
    o.page < o.pageCount ? link(o.pageCount, '尾页') : '<span>尾页</span>',
  ].join(' ');
  return page(o.siteName, o.columnName, items(o.items), pager);
}

/** `var countPage = N` and a script that writes the links to index_N.html (no links in the static HTML). */
export function renderCountPageList(o: {
  siteName: string;
  columnName: string;
  items: ListItem[];
  pageCount: number;
  current: number;
}): string {
  const pager = `<script type="text/javascript">
var currentPage = ${o.current};//所在页从0开始
var countPage = ${o.pageCount}//共多少页
var prevPage = currentPage - 1;
var nextPage = currentPage + 1;
function pageUrl(i){ return i == 0 ? "index.html" : "index_" + i + ".html"; }
document.write("共" + countPage + "页&nbsp;");
if (currentPage > 0) { document.write("<a href=\\"" + pageUrl(0) + "\\">首页</a>&nbsp;<a href=\\"" + pageUrl(prevPage) + "\\">上一页</a>&nbsp;"); }
if (nextPage < countPage) { document.write("<a href=\\"" + pageUrl(nextPage) + "\\">下一页</a>&nbsp;<a href=\\"" + pageUrl(countPage - 1) + "\\">尾页</a>"); }
</script>`;
  return page(o.siteName, o.columnName, items(o.items), pager);
}

/** A list with no links in its HTML: a script fetches data.json and writes the items after load. */
export function renderJsOnlyList(o: { siteName: string; columnName: string; dataUrl: string }): string {
  const script = `<script type="text/javascript">
window.addEventListener('DOMContentLoaded', function () {
  fetch(${JSON.stringify(o.dataUrl)}).then(function (r) { return r.json(); }).then(function (data) {
    var ul = document.getElementById('list');
    data.items.forEach(function (it) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = './' + it.d.slice(0, 4) + it.d.slice(5, 7) + '/t' + it.d.replace(/-/g, '') + '_' + it.i + '.html';
      a.title = it.t;
      a.textContent = it.t;
      var span = document.createElement('span');
      span.textContent = it.d;
      li.appendChild(a);
      li.appendChild(span);
      ul.appendChild(li);
    });
  });
});
</script>`;
  return page(o.siteName, o.columnName, '', '', script).replace('<ul class="list">', '<ul class="list" id="list">');
}

export function renderHome(siteName: string, sections: { name: string; href: string }[]): string {
  return page(
    siteName,
    '首页',
    sections.map((s) => `<li><a href="${esc(s.href)}">${esc(s.name)}</a></li>`).join('\n'),
    '',
  );
}
