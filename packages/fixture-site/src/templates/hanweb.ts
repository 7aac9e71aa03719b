// A Hanweb (大汉 JCMS) article page: /art/YYYY/M/D/art_COL_ID.html, body between the
// ZJEG_RSS.content markers in div#zoom.
import { type ArticlePage, esc, footer, signatureLength } from '../html.ts';

export function renderHanweb(page: ArticlePage): string {
  const sig = signatureLength(page.paragraphs);
  const n = page.paragraphs.length;
  const body = page.paragraphs
    .map((p, i) =>
      i >= n - sig ? `<p style="text-align:right">${esc(p)}</p>` : `<p style="text-indent:2em">${esc(p)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(page.title)} ${esc(page.columnName)} ${esc(page.siteName)}</title>
<meta name="SiteName" content="${esc(page.siteName)}">
<meta name="ColumnName" content="${esc(page.columnName)}">
<meta name="ArticleTitle" content="${esc(page.title)}">
${page.showDate ? `<meta name="PubDate" content="${page.date} ${page.time}">\n` : ''}<meta name="ContentSource" content="${esc(page.source)}">
<meta name="Url" content="">
</head>
<body>
<div class="top"><div class="logo">${esc(page.siteName)}</div></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a></div>
<table width="100%" class="art-table">
  <tr><td class="title" align="center"><!--<$[标题名称]>begin-->${esc(page.title)}<!--<$[标题名称]>end--></td></tr>
  <tr><td class="info" align="center">${page.showDate ? `发布日期：${page.date} ` : ''}信息来源：${esc(page.source)} 浏览次数：<span id="c">0</span> 【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
  <tr><td class="bt_content" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
${body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
  </td></tr>
  <tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
${footer(page.siteName)}
</body>
</html>
`;
}
