// Issue 11: layouts the first corpus lacked. Each block pins one failure seen on real pages.
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import { stripTitleSuffix } from './metadata.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (html: string, url = 'https://www.example.gov.cn/art/2024/3/22/art_1_1.html') =>
  extract({ bytes: utf8(html), url });

const REPORT_BODY = `<p>　　2023年，在县委、县政府的坚强领导下，县司法局深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。</p>
<p>一、主要做法和成效</p><p>（一）健全依法决策机制。严格落实重大行政决策程序，全年审查合法性文件36件。</p>
<p>（二）规范行政执法行为。全面推行行政执法三项制度，开展执法案卷评查两次。</p>
<p>二、存在的不足</p><p>执法队伍专业化水平仍需提高，基层法治力量相对薄弱。</p>
<p>三、下一步工作安排</p><p>持续深化法治政府建设示范创建，推动各项工作再上新台阶。</p>
<p>某某县司法局</p><p>2024年3月20日</p>`;

describe('1. a report whose <title> is only the portal name', () => {
  it('takes the title from a bold, centred table cell and classifies the report', () => {
    const html = `<html><head><meta charset="utf-8"><title>某某县人民政府门户网站</title></head><body>
<table width="980"><tr><td><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xwzx/">新闻中心</a></td></tr></table>
<table width="980"><tr><td align="center" height="60"><font size="5"><b>某某县司法局2023年法治政府建设年度报告</b></font></td></tr>
<tr><td align="center">发布时间：2024-03-22　　来源：某某县司法局　　浏览次数：128</td></tr>
<tr><td class="content">${REPORT_BODY}</td></tr></table>
<table><tr><td>版权所有：某某县人民政府 主办单位：某某县人民政府办公室</td></tr></table></body></html>`;
    const r = run(html);
    expect(r.title).toBe('某某县司法局2023年法治政府建设年度报告');
    expect(r.isReport).toBe(true);
    expect(r.publishedAt).toBe('2024-03-22');
    expect(r.source).toBe('某某县司法局');
  });

  it('takes the title from a 标题： row', () => {
    const html = `<html><head><meta charset="utf-8"><title>某某市人民政府</title></head><body>
<table><tr><td>标题：</td><td>某某市应急管理局2023年度法治政府建设情况报告</td></tr>
<tr><td>发布日期：</td><td>2024-02-18</td></tr><tr><td>发布机构：</td><td>某某市应急管理局</td></tr></table>
<div id="zoom">${REPORT_BODY}</div></body></html>`;
    const r = run(html);
    expect(r.title).toBe('某某市应急管理局2023年度法治政府建设情况报告');
    expect(r.isReport).toBe(true);
    expect(r.publishedAt).toBe('2024-02-18');
  });

  it('takes the title from a div.title without h1', () => {
    const html = `<html><head><meta charset="utf-8"><title>某某区人民政府网站</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">机构</a></div>
<div class="title">某某区市场监督管理局关于2023年法治政府建设工作情况的报告</div>
<div class="info">日期：2024-01-30</div><div class="article">${REPORT_BODY}</div></body></html>`;
    const r = run(html);
    expect(r.title).toBe('某某区市场监督管理局关于2023年法治政府建设工作情况的报告');
    expect(r.isReport).toBe(true);
  });
});

describe('1b. classification does not rest on a site-name <title>', () => {
  it('reads an untitled body as a report when it is an outlined, signed report on the topic', () => {
    const html = `<html><head><meta charset="utf-8"><title>某某县人民政府门户网站</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div><div class="content">${REPORT_BODY.replace(/<p>某某县司法局<\/p><p>2024年3月20日<\/p>/, '').repeat(4)}${REPORT_BODY}</div></body></html>`;
    expect(run(html).text.length).toBeGreaterThan(1000);
    const r = run(html);
    expect(r.pageKind).toBe('report');
    expect(r.isReport).toBe(true);
    expect(r.title).toBe('某某县人民政府门户网站');
  });
});

describe('2. metadata on every page kind', () => {
  it('reads 发布日期 and 来源 when the body only points to an attachment', () => {
    const html = `<html><head><meta charset="utf-8"><title>某某局2023年法治政府建设年度报告</title></head><body>
<h2>某某局2023年法治政府建设年度报告</h2><p>发布日期：2024-03-05　来源：某某局办公室</p>
<div class="TRS_Editor"><p><a href="/u/P020240305.pdf">某某局2023年法治政府建设年度报告.pdf</a></p></div></body></html>`;
    const r = run(html);
    expect(r.publishedAt).toBe('2024-03-05');
    expect(r.source).toBe('某某局办公室');
  });

  it('reads them when the body is filled by script (empty page)', () => {
    const html = `<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div class="xl-title">关于做好2024年度法治政府建设报告编写工作的通知</div><div class="xl-info">发布时间：2024-11-02 来源：区司法局</div>
<div id="content"></div><script>document.getElementById('content').innerHTML = loadBody();</script></body></html>`;
    const r = run(html);
    expect(r.publishedAt).toBe('2024-11-02');
    expect(r.source).toBe('区司法局');
  });

  it('reads Date: and Source: on an English page', () => {
    const html = `<html><head><meta charset="utf-8"><title>Annual Report on Law-based Government 2023 - Foreign Affairs Office</title></head><body>
<h1>Annual Report on Law-based Government 2023</h1><div class="info">Release Date: 2024-04-08 | Source: Foreign Affairs Office of Somecity</div>
<div class="content"><p>In 2023, the office advanced the rule of law in government work, improving decision procedures, enforcement and oversight across all departments of the city.</p>
<p>It reviewed thirty normative documents and trained two hundred enforcement officers, while public satisfaction with administrative services rose again.</p></div></body></html>`;
    const r = run(html, 'https://en.example.gov.cn/news/202404/t20240408_1.html');
    expect(r.publishedAt).toBe('2024-04-08');
    expect(r.source).toBe('Foreign Affairs Office of Somecity');
  });
});

describe('3. short news among related-link lists', () => {
  it('keeps a 100–400 character news item whose page carries 8+ link lines', () => {
    const links = Array.from(
      { length: 10 },
      (_, i) =>
        `<li><a href="/xw/${i}.html">某某区召开第${i + 1}次重点工作推进会议</a><span>2024-03-0${(i % 9) + 1}</span></li>`,
    ).join('');
    const html = `<html><head><meta charset="utf-8"><title>区司法局开展法治宣传进社区活动_某某区人民政府</title></head><body>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xwzx/">新闻中心</a></li></ul>
<h1>区司法局开展法治宣传进社区活动</h1><div class="info">发布时间：2024-03-18 来源：区司法局</div>
<div class="con"><p>3月15日，区司法局组织法律服务志愿者走进和平社区，围绕民法典、反诈骗等内容向居民发放宣传资料500余份，现场解答法律咨询30余人次。</p>
<p>活动进一步增强了群众的法治意识，营造了良好的法治氛围。</p></div>
<div class="related"><h3>相关链接</h3><ul>${links}</ul></div><div class="list2"><ul>${links}</ul></div></body></html>`;
    const r = run(html);
    expect(r.pageKind).toBe('article');
    expect(r.text).toBe(
      '3月15日，区司法局组织法律服务志愿者走进和平社区，围绕民法典、反诈骗等内容向居民发放宣传资料500余份，现场解答法律咨询30余人次。\n活动进一步增强了群众的法治意识，营造了良好的法治氛围。',
    );
    expect(r.publishedAt).toBe('2024-03-18');
  });
});

describe('4. WeChat re-posts with a script-lifted body', () => {
  it('keeps #js_content hidden by visibility:hidden and still drops display:none chrome', () => {
    const html = `<html><head><meta charset="utf-8"><meta property="og:title" content="平安某某：2023年度法治政府建设工作报告"><title></title></head><body>
<div id="js_article"><h1 class="rich_media_title" id="activity-name">某某市公安局2023年法治政府建设年度报告</h1>
<div id="meta_content"><span id="js_name">平安某某</span> <em id="publish_time">2024-01-26 18:30</em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden; opacity: 0;">${REPORT_BODY}
<p style="display:none">预览时标签不可点</p></div>
<div style="display:none" id="js_pc_qr_code">微信扫一扫关注该公众号</div></div></body></html>`;
    const r = run(html, 'https://mp.weixin.qq.com/s/abcDEF123');
    expect(r.text).toContain('一、主要做法和成效');
    expect(r.text).not.toContain('预览时标签不可点');
    expect(r.text).not.toContain('扫一扫');
    expect(r.isReport).toBe(true);
    expect(r.publishedAt).toBe('2024-01-26');
  });
});

describe('5. dates from structured data and the URL', () => {
  const page = (
    head: string,
    body = '',
  ) => `<html><head><meta charset="utf-8">${head}<title>区政府召开常务会议研究部署有关工作</title></head><body>
<h1>区政府召开常务会议研究部署有关工作</h1>${body}<div class="content"><p>会议听取了全区安全生产工作情况汇报，研究部署下一阶段重点任务，要求各部门压实责任、狠抓落实，确保各项工作取得实效。</p><p>会议还审议了其他事项。</p></div></body></html>`;
  it('article:published_time', () => {
    expect(run(page('<meta property="article:published_time" content="2024-05-06T08:00:00+08:00">')).publishedAt).toBe(
      '2024-05-06',
    );
  });
  it('og: published time', () => {
    expect(run(page('<meta property="og:release_date" content="2024-05-07">')).publishedAt).toBe('2024-05-07');
  });
  it('JSON-LD datePublished', () => {
    expect(
      run(
        page(
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-05-08T10:00:00+08:00"}</script>',
        ),
      ).publishedAt,
    ).toBe('2024-05-08');
  });
  it('<time datetime>', () => {
    expect(run(page('', '<p class="meta"><time datetime="2024-05-09T09:00">5月9日</time></p>')).publishedAt).toBe(
      '2024-05-09',
    );
  });
  it('the TRS t20240322_ in the URL as a last resort, said in reasons', () => {
    const r = run(page(''), 'https://www.example.gov.cn/xwzx/202403/t20240322_123456.html');
    expect(r.publishedAt).toBe('2024-03-22');
    expect(r.reasons.some((x) => /publishedAt.*URL/i.test(x))).toBe(true);
  });
});

describe('6. titles', () => {
  it('cuts only at a separator followed by the site name', () => {
    expect(stripTitleSuffix('中国-东盟博览会开幕_南宁市人民政府', '南宁市人民政府')).toBe('中国-东盟博览会开幕');
    expect(stripTitleSuffix('第二十届中国-东盟博览会在南宁开幕', null)).toBe('第二十届中国-东盟博览会在南宁开幕');
    expect(stripTitleSuffix('Work-Life Balance Policies for Civil Servants', null)).toBe(
      'Work-Life Balance Policies for Civil Servants',
    );
    expect(stripTitleSuffix('区政府召开常务会议_某某区人民政府', null)).toBe('区政府召开常务会议');
  });
  it('keeps markup in an ArticleTitle meta out of the title', () => {
    const html = `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="<div>某某区2023年法治政府建设年度报告</div>"><title>某某区2023年法治政府建设年度报告</title></head><body>
<h1>某某区2023年法治政府建设年度报告</h1><div class="TRS_Editor">${REPORT_BODY}</div></body></html>`;
    expect(run(html).title).toBe('某某区2023年法治政府建设年度报告');
  });
});
