import { describe, expect, it } from 'vitest';
import { isEdgeChrome, isStrictChrome, stripChrome } from './chrome.ts';
import type { Line } from './render.ts';

const line = (text: string, linkChars = 0, docLink = false): Line => ({
  text,
  linkChars,
  punct: (text.match(/[，。；！？,;!?]/g) ?? []).length,
  weight: 0,
  docLink,
});

describe('chrome', () => {
  it('recognises chrome lines', () => {
    for (const t of [
      '您的当前位置:首页 > 新闻详情',
      '发布日期: 2022-03-04 10:38 来源: 武汉市公安局 【打印】 【下载】',
      '分享到:',
      '扫一扫在手机打开当前页',
      '【打印】 【关闭】',
      '【字体：大 中 小】',
      '字号:',
      '相关稿件',
      '我要纠错',
      '网站地图 | 联系我们',
      '主办单位：某某市人民政府办公厅',
      '版权所有：某某市公安局',
      '网站标识码：4201000023 鄂ICP备05005789号-1',
      '上一篇：某某新闻',
    ]) {
      expect(isStrictChrome(t), t).toBe(true);
    }
  });
  it('never cuts prose that mentions a chrome word', () => {
    for (const t of [
      '对全区政府网站页脚“主办单位”“版权所有”“网站标识码”等信息开展专项检查，督促整改不规范标注12处。',
      '分享到微信朋友圈的政策解读将同步推送至公众号。',
      '群众可在页面底部“联系我们”栏目反馈意见。',
    ]) {
      expect(isStrictChrome(t), t).toBe(false);
      expect(isEdgeChrome(line(t)), t).toBe(false);
    }
  });
  it('treats footer link boxes and nav lines as chrome only at the edges', () => {
    const body = [
      line('2023年，某局扎实推进法治政府建设。'),
      line('重点链接'),
      line('某局'),
      line('2024年1月1日'),
      line('全国各省市政府网站'),
      line('重点链接'),
      line('首页 政务公开', 6),
    ];
    const { body: kept } = stripChrome(body, null, new Uint8Array(body.length), 0);
    expect(kept.map((l) => l.text)).toEqual(['2023年，某局扎实推进法治政府建设。', '重点链接', '某局', '2024年1月1日']);
  });
  it('drops the repeated title and title block at the top, keeps them for metadata', () => {
    const lines = [line('某局2023年法治政府建设情况报告'), line('2024-03-05'), line('字号:'), line('正文第一段。')];
    const r = stripChrome(lines, '某局2023年法治政府建设情况报告', new Uint8Array(lines.length), 0);
    expect(r.body.map((l) => l.text)).toEqual(['正文第一段。']);
    expect(r.head).toHaveLength(3);
  });
  it('drops a trailing attachment list (the links become attachments)', () => {
    const lines = [line('正文。'), line('附件：'), line('报告.pdf', 6, true)];
    expect(stripChrome(lines, null, new Uint8Array(3), 0).body.map((l) => l.text)).toEqual(['正文。']);
  });
});
