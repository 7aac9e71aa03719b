// Small helpers shared by the templates.

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What every report/news template renders. */
export type ArticlePage = {
  title: string;
  /** Site name, appended to <title> as real CMSs do ("标题_站点名"). */
  siteName: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  source: string;
  /** Render the 发布日期 line (some pages only carry the signature date). */
  showDate: boolean;
  paragraphs: string[];
  /** Breadcrumb: the column the page belongs to. */
  columnName: string;
  columnHref: string;
  /** Old table pages: <p> per paragraph, or one block with <br> between lines. */
  paragraphStyle?: 'p' | 'br';
};

const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** How many trailing paragraphs form the signature block (issuing body, date). */
export function signatureLength(paragraphs: string[]): number {
  const n = paragraphs.length;
  const last = paragraphs[n - 1];
  if (last === undefined || !DATE_LINE.test(last)) return 0;
  const before = paragraphs[n - 2];
  return before !== undefined && before.length <= 20 && !/[。：:；]$/.test(before) ? 2 : 1;
}

/** Footer link boxes and the 主办单位/版权 block that real government sites carry on every page. */
export function linkBoxes(): string {
  const provinces = ['北京', '天津', '河北', '山西', '上海', '江苏', '浙江', '湖北', '江西', '四川'];
  return `<div class="link-boxes">
  <div class="link-box"><span class="link-title">全国各省市政府网站</span><ul>${provinces
    .map((p, i) => `<li><a href="http://www.gov${i + 1}.example.invalid/" target="_blank">${p}</a></li>`)
    .join('')}</ul></div>
  <div class="link-box"><span class="link-title">重点链接</span><ul><li><a href="http://www.gov.example.invalid/" target="_blank">中国政府网</a></li><li><a href="http://www.mps.example.invalid/" target="_blank">公安部</a></li></ul></div>
</div>`;
}

export function footer(siteName: string): string {
  return `<div class="footer">
  ${linkBoxes()}
  <div class="footer-nav"><a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a> | <a href="/statement.html">网站声明</a></div>
  <div class="footer-info">
    <p>主办单位：${esc(siteName)} &nbsp; 版权所有：${esc(siteName)}</p>
    <p><a href="https://beian.miit.example.invalid/" target="_blank">京ICP备05012345号-1</a> &nbsp; <img src="/images/ga.png" alt=""><a href="http://www.beian.example.invalid/" target="_blank">京公网安备 11010502030123号</a> &nbsp; 网站标识码：1100000012</p>
  </div>
</div>`;
}
