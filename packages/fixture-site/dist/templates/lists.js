// src/templates/lists.ts
import { esc, footer } from "../html.js";
var TITLE_MAX = 28;
function shown(title) {
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX)}\u2026` : title;
}
function items(list) {
  return list.map((it) => `<li><a href="${esc(it.href)}" title="${esc(it.title)}" target="_blank">${esc(shown(it.title))}</a><span>${it.date}</span></li>`).join("\n");
}
function page(siteName, columnName, listHtml, pager, head = "") {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(columnName)}_${esc(siteName)}</title>
<meta name="SiteName" content="${esc(siteName)}">
<meta name="ColumnName" content="${esc(columnName)}">
<meta name="ColumnType" content="\u5217\u8868">
<link rel="stylesheet" href="/images/common.css">
${head}</head>
<body>
<div class="header"><div class="logo"><a href="/">${esc(siteName)}</a></div></div>
<div class="position">\u60A8\u7684\u5F53\u524D\u4F4D\u7F6E\uFF1A<a href="/">\u9996\u9875</a> &gt; <a href="/gaxw/">\u516C\u5B89\u65B0\u95FB</a> &gt; ${esc(columnName)}</div>
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
var CREATE_PAGE_HTML = `<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  function url(i){ return _sPageName + (i == 0 ? "" : "_" + i) + "." + _sPageExt; }
  document.write("<span>\u5171" + _nPageCount + "\u9875</span>&nbsp;");
  if(nCurrIndex == 0){ document.write("<span>\u9996\u9875</span>&nbsp;<span>\u4E0A\u4E00\u9875</span>&nbsp;"); }
  else { document.write("<a href=\\"" + url(0) + "\\">\u9996\u9875</a>&nbsp;<a href=\\"" + url(nCurrIndex - 1) + "\\">\u4E0A\u4E00\u9875</a>&nbsp;"); }
  for(var i = Math.max(0, nCurrIndex - 4); i < Math.min(_nPageCount, nCurrIndex + 5); i++){
    if(i == nCurrIndex){ document.write("<span class=\\"current\\">" + (i + 1) + "</span>&nbsp;"); }
    else { document.write("<a href=\\"" + url(i) + "\\">" + (i + 1) + "</a>&nbsp;"); }
  }
  if(nCurrIndex == _nPageCount - 1){ document.write("<span>\u4E0B\u4E00\u9875</span>&nbsp;<span>\u5C3E\u9875</span>"); }
  else { document.write("<a href=\\"" + url(nCurrIndex + 1) + "\\">\u4E0B\u4E00\u9875</a>&nbsp;<a href=\\"" + url(_nPageCount - 1) + "\\">\u5C3E\u9875</a>"); }
}
</script>`;
function renderTrsList(o) {
  return page(
    o.siteName,
    o.columnName,
    items(o.items),
    `<script type="text/javascript">createPageHTML(${o.pageCount}, ${o.current}, "index", "html");</script>`,
    `${CREATE_PAGE_HTML}
`
  );
}
function renderNextLinkList(o) {
  const pager = [
    o.prev ? `<a href="${esc(o.prev)}" class="prev">\u4E0A\u4E00\u9875</a>` : '<span class="disabled">\u4E0A\u4E00\u9875</span>',
    o.next ? `<a href="${esc(o.next)}" class="next">\u4E0B\u4E00\u9875</a>` : '<span class="disabled">\u4E0B\u4E00\u9875</span>'
  ].join(" ");
  return page(o.siteName, o.columnName, items(o.items), pager);
}
function renderQueryList(o) {
  const link = (n, label) => `<a href="list?page=${n}">${label}</a>`;
  const pager = [
    `<span>\u5171${o.pageCount}\u9875 \u5F53\u524D\u7B2C${o.page}\u9875</span>`,
    o.page > 1 ? link(1, "\u9996\u9875") : "<span>\u9996\u9875</span>",
    o.page > 1 ? link(o.page - 1, "\u4E0A\u4E00\u9875") : "<span>\u4E0A\u4E00\u9875</span>",
    o.page < o.pageCount ? link(o.page + 1, "\u4E0B\u4E00\u9875") : "<span>\u4E0B\u4E00\u9875</span>",
    o.page < o.pageCount ? link(o.pageCount, "\u5C3E\u9875") : "<span>\u5C3E\u9875</span>"
  ].join(" ");
  return page(o.siteName, o.columnName, items(o.items), pager);
}
function renderCountPageList(o) {
  const pager = `<script type="text/javascript">
var currentPage = ${o.current};//\u6240\u5728\u9875\u4ECE0\u5F00\u59CB
var countPage = ${o.pageCount}//\u5171\u591A\u5C11\u9875
var prevPage = currentPage - 1;
var nextPage = currentPage + 1;
function pageUrl(i){ return i == 0 ? "index.html" : "index_" + i + ".html"; }
document.write("\u5171" + countPage + "\u9875&nbsp;");
if (currentPage > 0) { document.write("<a href=\\"" + pageUrl(0) + "\\">\u9996\u9875</a>&nbsp;<a href=\\"" + pageUrl(prevPage) + "\\">\u4E0A\u4E00\u9875</a>&nbsp;"); }
if (nextPage < countPage) { document.write("<a href=\\"" + pageUrl(nextPage) + "\\">\u4E0B\u4E00\u9875</a>&nbsp;<a href=\\"" + pageUrl(countPage - 1) + "\\">\u5C3E\u9875</a>"); }
</script>`;
  return page(o.siteName, o.columnName, items(o.items), pager);
}
function renderJsOnlyList(o) {
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
  return page(o.siteName, o.columnName, "", "", script).replace('<ul class="list">', '<ul class="list" id="list">');
}
function renderHome(siteName, sections) {
  return page(
    siteName,
    "\u9996\u9875",
    sections.map((s) => `<li><a href="${esc(s.href)}">${esc(s.name)}</a></li>`).join("\n"),
    ""
  );
}
export {
  renderCountPageList,
  renderHome,
  renderJsOnlyList,
  renderNextLinkList,
  renderQueryList,
  renderTrsList
};
//# sourceMappingURL=lists.js.map
