// src/templates/trs.ts
import { esc, footer, signatureLength } from "../html.js";
function renderTrs(page) {
  const sig = signatureLength(page.paragraphs);
  const body = page.paragraphs.map(
    (p, i) => i >= page.paragraphs.length - sig ? `<p style="text-align: right;">${esc(p)}</p>` : `<p style="text-indent: 2em;">${/^[一二三四五六七八九十]+、/.test(p) ? `<strong>${esc(p)}</strong>` : esc(p)}</p>`
  ).join("\n");
  const pub = `${page.date} ${page.time}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(page.title)}_${esc(page.siteName)}</title>
<meta name="SiteName" content="${esc(page.siteName)}">
<meta name="SiteDomain" content="gaj.example.gov.cn">
<meta name="SiteIDCode" content="1100000012">
<meta name="ColumnName" content="${esc(page.columnName)}">
<meta name="ColumnType" content="\u5DE5\u4F5C\u52A8\u6001">
<meta name="ArticleTitle" content="${esc(page.title)}">
${page.showDate ? `<meta name="PubDate" content="${pub}">
` : ""}<meta name="ContentSource" content="${esc(page.source)}">
<meta name="Keywords" content="${esc(page.columnName)}">
<meta name="Description" content="${esc(page.title)}">
<link rel="stylesheet" href="/images/common.css">
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">${esc(page.siteName)}</a></div>
  <div class="nav"><ul><li><a href="/">\u9996\u9875</a></li><li><a href="/gaxw/">\u516C\u5B89\u65B0\u95FB</a></li><li><a href="/xxgk/">\u653F\u52A1\u516C\u5F00</a></li><li><a href="/bsfw/">\u529E\u4E8B\u670D\u52A1</a></li><li><a href="/hdjl/">\u4E92\u52A8\u4EA4\u6D41</a></li></ul></div>
  <div class="search"><form action="/search/" method="get"><input type="text" name="q" placeholder="\u8BF7\u8F93\u5165\u5173\u952E\u5B57"><button type="submit">\u641C\u7D22</button></form></div>
</div>
<div class="position">\u60A8\u7684\u5F53\u524D\u4F4D\u7F6E\uFF1A<a href="/">\u9996\u9875</a> &gt; <a href="/gaxw/">\u516C\u5B89\u65B0\u95FB</a> &gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a></div>
<div class="article">
  <div class="article-title"><h1>${esc(page.title)}</h1></div>
  <div class="article-info">
    ${page.showDate ? `<span>\u53D1\u5E03\u65E5\u671F\uFF1A${pub}</span>` : ""}<span>\u6765\u6E90\uFF1A${esc(page.source)}</span>
    <span class="font-size">\u5B57\u53F7\uFF1A<a href="javascript:doZoom(18)">\u5927</a> <a href="javascript:doZoom(16)">\u4E2D</a> <a href="javascript:doZoom(14)">\u5C0F</a></span>
    <a href="javascript:window.print()">\u3010\u6253\u5370\u3011</a> <a href="javascript:window.close()">\u3010\u5173\u95ED\u3011</a>
  </div>
  <div class="share">\u5206\u4EAB\u5230\uFF1A<a class="share-wx" href="javascript:;">\u5FAE\u4FE1</a> <a class="share-wb" href="javascript:;">\u5FAE\u535A</a> <a class="share-qq" href="javascript:;">QQ\u7A7A\u95F4</a>
    <div class="qrcode"><div id="qrcode"></div><p>\u626B\u4E00\u626B\u5728\u624B\u673A\u6253\u5F00\u5F53\u524D\u9875</p></div>
  </div>
  <div class="article-content" id="zoom">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
${body}
</div></div>
  </div>
  <div class="article-tools"><a href="javascript:window.print()">\u3010\u6253\u5370\u672C\u9875\u3011</a> <a href="javascript:window.close()">\u3010\u5173\u95ED\u7A97\u53E3\u3011</a></div>
</div>
${footer(page.siteName)}
</body>
</html>
`;
}
export {
  renderTrs
};
//# sourceMappingURL=trs.js.map
