// An old table-layout CMS page. The caller encodes it as GBK; the charset is declared only in
// <meta http-equiv="Content-Type">, never in the HTTP header.
import { type ArticlePage, esc, signatureLength } from '../html.ts';

export function renderGbkTable(page: ArticlePage): string {
  const sig = signatureLength(page.paragraphs);
  const n = page.paragraphs.length;
  const body =
    page.paragraphStyle === 'br'
      ? `<font style="font-size:16px;line-height:200%">${page.paragraphs
          .map((p, i) =>
            i >= n - sig ? `<div align="right">${esc(p)}</div>` : `&nbsp;&nbsp;&nbsp;&nbsp;${esc(p)}<br>`,
          )
          .join('\n')}</font>`
      : page.paragraphs
          .map((p, i) =>
            i >= n - sig ? `<p align="right">${esc(p)}</p>` : `<p style="line-height:200%">　　${esc(p)}</p>`,
          )
          .join('\n');
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
  <tr><td class="nav"><a href="/">网站首页</a> | <a href="/gaxw/">机构概况</a> | <a href="/xxgk/">政务公开</a> | <a href="/bsfw/">网上办事</a> | <a href="/hdjl/">警民互动</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="30" class="position">当前位置：<a href="/">首页</a> &gt;&gt; <a href="${esc(page.columnHref)}">${esc(page.columnName)}</a> &gt;&gt; 正文</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="content-table">
  <tr><td height="50" align="center" class="biaoti"><strong>${esc(page.title)}</strong></td></tr>
  <tr><td height="30" align="center" class="sj">${page.showDate ? `发布时间：${page.date}&nbsp;&nbsp;&nbsp;` : ''}信息来源：${esc(page.source)}&nbsp;&nbsp;&nbsp;浏览次数：<script language="javascript">document.write(1286)</script>&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
  <tr><td height="1" bgcolor="#CCCCCC"></td></tr>
  <tr><td class="zw" id="zoom" style="padding:20px">
${body}
  </td></tr>
  <tr><td align="right" height="40">【<a href="javascript:window.print()">打印本页</a>】&nbsp;【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center" height="30"><a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a> | <a href="/statement.html">使用帮助</a></td></tr>
  <tr><td align="center" height="60">主办单位：${esc(page.siteName)}&nbsp;&nbsp;版权所有：${esc(page.siteName)}&nbsp;&nbsp;地址：人民路1号<br>
  <a href="https://beian.miit.example.invalid/" target="_blank">赣ICP备05001234号</a>&nbsp;&nbsp;赣公网安备 36090202000123号&nbsp;&nbsp;网站标识码：3609000001</td></tr>
</table>
</body>
</html>
`;
}
