// src/templates/gbk-table.ts
import { esc, signatureLength } from "../html.js";
function renderGbkTable(page) {
  const sig = signatureLength(page.paragraphs);
  const n = page.paragraphs.length;
  const body = page.paragraphStyle === "br" ? `<font style="font-size:16px;line-height:200%">${page.paragraphs.map((p, i) => i >= n - sig ? `<div align="right">${esc(p)}</div>` : `&nbsp;&nbsp;&nbsp;&nbsp;${esc(p)}<br>`).join("\n")}</font>` : page.paragraphs.map(
    (p, i) => i >= n - sig ? `<p align="right">${esc(p)}</p>` : `<p style="line-height:200%">\u3000\u3000${esc(p)}</p>`
  ).join("\n");
  return `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${esc(page.title)}</title>
<link href="/images/style.css" rel="stylesheet" type="text/css">
<script language="javascript">function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}</script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120" class="banner">${esc(page.siteName)}</td></tr>
  <tr><td class="nav"><a href="/">\u7F51\u7AD9\u9996\u9875</a> | <a href="/gaxw/">\u673A\u6784\u6982\u51B5</a> | <a href="/xxgk/">\u653F\u52A1\u516C\u5F00</a> | <a href="/bsfw/">\u7F51\u4E0A\u529E\u4E8B</a> | <a href="/hdjl/">\u8B66\u6C11\u4E92\u52A8</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="30" class="position">\u5F53\u524D\u4F4D\u7F6E\uFF1A<a href="/">\u9996\u9875</a> &gt;&gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a> &gt;&gt; \u6B63\u6587</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="content-table">
  <tr><td height="50" align="center" class="biaoti"><strong>${esc(page.title)}</strong></td></tr>
  <tr><td height="30" align="center" class="sj">${page.showDate ? `\u53D1\u5E03\u65F6\u95F4\uFF1A${page.date}&nbsp;&nbsp;&nbsp;` : ""}\u4FE1\u606F\u6765\u6E90\uFF1A${esc(page.source)}&nbsp;&nbsp;&nbsp;\u6D4F\u89C8\u6B21\u6570\uFF1A<script language="javascript">document.write(1286)</script>&nbsp;&nbsp;\u3010\u5B57\u4F53\uFF1A<a href="javascript:doZoom(16)">\u5927</a> <a href="javascript:doZoom(14)">\u4E2D</a> <a href="javascript:doZoom(12)">\u5C0F</a>\u3011</td></tr>
  <tr><td height="1" bgcolor="#CCCCCC"></td></tr>
  <tr><td class="zw" id="zoom" style="padding:20px">
${body}
  </td></tr>
  <tr><td align="right" height="40">\u3010<a href="javascript:window.print()">\u6253\u5370\u672C\u9875</a>\u3011&nbsp;\u3010<a href="javascript:window.close()">\u5173\u95ED\u7A97\u53E3</a>\u3011</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center" height="30"><a href="/sitemap.html">\u7F51\u7AD9\u5730\u56FE</a> | <a href="/contact.html">\u8054\u7CFB\u6211\u4EEC</a> | <a href="/statement.html">\u4F7F\u7528\u5E2E\u52A9</a></td></tr>
  <tr><td align="center" height="60">\u4E3B\u529E\u5355\u4F4D\uFF1A${esc(page.siteName)}&nbsp;&nbsp;\u7248\u6743\u6240\u6709\uFF1A${esc(page.siteName)}&nbsp;&nbsp;\u5730\u5740\uFF1A\u4EBA\u6C11\u8DEF1\u53F7<br>
  <a href="https://beian.miit.example.invalid/" target="_blank">\u8D63ICP\u590705001234\u53F7</a>&nbsp;&nbsp;\u8D63\u516C\u7F51\u5B89\u5907 36090202000123\u53F7&nbsp;&nbsp;\u7F51\u7AD9\u6807\u8BC6\u7801\uFF1A3609000001</td></tr>
</table>
</body>
</html>
`;
}
export {
  renderGbkTable
};
//# sourceMappingURL=gbk-table.js.map
