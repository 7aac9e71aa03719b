// src/templates/hanweb.ts
import { esc, footer, signatureLength } from "../html.js";
function renderHanweb(page) {
  const sig = signatureLength(page.paragraphs);
  const n = page.paragraphs.length;
  const body = page.paragraphs.map((p, i) => i >= n - sig ? `<p style="text-align:right">${esc(p)}</p>` : `<p style="text-indent:2em">${esc(p)}</p>`).join("\n");
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(page.title)} ${esc(page.columnName)} ${esc(page.siteName)}</title>
<meta name="SiteName" content="${esc(page.siteName)}">
<meta name="ColumnName" content="${esc(page.columnName)}">
<meta name="ArticleTitle" content="${esc(page.title)}">
${page.showDate ? `<meta name="PubDate" content="${page.date} ${page.time}">
` : ""}<meta name="ContentSource" content="${esc(page.source)}">
<meta name="Url" content="">
</head>
<body>
<div class="top"><div class="logo">${esc(page.siteName)}</div></div>
<div class="dqwz">\u5F53\u524D\u4F4D\u7F6E\uFF1A<a href="/">\u9996\u9875</a> &gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a></div>
<table width="100%" class="art-table">
  <tr><td class="title" align="center"><!--<$[\u6807\u9898\u540D\u79F0]>begin-->${esc(page.title)}<!--<$[\u6807\u9898\u540D\u79F0]>end--></td></tr>
  <tr><td class="info" align="center">${page.showDate ? `\u53D1\u5E03\u65E5\u671F\uFF1A${page.date} ` : ""}\u4FE1\u606F\u6765\u6E90\uFF1A${esc(page.source)} \u6D4F\u89C8\u6B21\u6570\uFF1A<span id="c">0</span> \u3010\u5B57\u4F53\uFF1A<a href="javascript:doZoom(20)">\u5927</a> <a href="javascript:doZoom(16)">\u4E2D</a> <a href="javascript:doZoom(12)">\u5C0F</a>\u3011</td></tr>
  <tr><td class="bt_content" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
${body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
  </td></tr>
  <tr><td align="right">\u3010<a href="javascript:window.print()">\u6253\u5370\u672C\u9875</a>\u3011 \u3010<a href="javascript:window.close()">\u5173\u95ED\u7A97\u53E3</a>\u3011</td></tr>
</table>
${footer(page.siteName)}
</body>
</html>
`;
}
export {
  renderHanweb
};
//# sourceMappingURL=hanweb.js.map
