// A TRS WCM article page (UTF-8): meta ArticleTitle/PubDate/ContentSource, title block with
// 发布日期/来源/字号/【打印】【关闭】, 分享到 and a QR code, breadcrumb, div.TRS_Editor body, footer.
import { type ArticlePage, esc, footer, signatureLength } from '../html.ts';

export function renderTrs(page: ArticlePage): string {
  const sig = signatureLength(page.paragraphs);
  const body = page.paragraphs
    .map((p, i) =>
      i >= page.paragraphs.length - sig
        ? `<p style="text-align: right;">${esc(p)}</p>`
        : `<p style="text-indent: 2em;">${/^[一二三四五六七八九十]+、/.test(p) ? `<strong>${esc(p)}</strong>` : esc(p)}</p>`,
    )
    .join('\n');
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
<meta name="ColumnType" content="工作动态">
<meta name="ArticleTitle" content="${esc(page.title)}">
${page.showDate ? `<meta name="PubDate" content="${pub}">\n` : ''}<meta name="ContentSource" content="${esc(page.source)}">
<meta name="Keywords" content="${esc(page.columnName)}">
<meta name="Description" content="${esc(page.title)}">
<link rel="stylesheet" href="/images/common.css">
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">${esc(page.siteName)}</a></div>
  <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gaxw/">公安新闻</a></li><li><a href="/xxgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
  <div class="search"><form action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
</div>
<div class="position">您的当前位置：<a href="/">首页</a> &gt; <a href="/gaxw/">公安新闻</a> &gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a></div>
<div class="article">
  <div class="article-title"><h1>${esc(page.title)}</h1></div>
  <div class="article-info">
    ${page.showDate ? `<span>发布日期：${pub}</span>` : ''}<span>来源：${esc(page.source)}</span>
    <span class="font-size">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
    <a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a>
  </div>
  <div class="share">分享到：<a class="share-wx" href="javascript:;">微信</a> <a class="share-wb" href="javascript:;">微博</a> <a class="share-qq" href="javascript:;">QQ空间</a>
    <div class="qrcode"><div id="qrcode"></div><p>扫一扫在手机打开当前页</p></div>
  </div>
  <div class="article-content" id="zoom">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
${body}
</div></div>
  </div>
  <div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
${footer(page.siteName)}
</body>
</html>
`;
}
