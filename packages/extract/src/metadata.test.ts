import { describe, expect, it } from 'vitest';
import {
  agencyFromTitle,
  dateFromUrl,
  isSiteNameTitle,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  stripTitleSuffix,
} from './metadata.ts';

describe('metadata', () => {
  it('normalizes dates', () => {
    expect(normalizeDate('2024-3-22 10:38')).toBe('2024-03-22');
    expect(normalizeDate('2024/03/22')).toBe('2024-03-22');
    expect(normalizeDate('2024年3月22日')).toBe('2024-03-22');
    expect(normalizeDate('二〇二四年一月三十日')).toBe('2024-01-30');
    expect(normalizeDate('二〇二三年十二月二十一日')).toBe('2023-12-21');
    expect(normalizeDate('20240322')).toBe('2024-03-22');
    expect(normalizeDate('2024-13-40')).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });
  it('strips the site-name suffix but not a year span', () => {
    expect(stripTitleSuffix('武汉市公安局2021年法治政府建设年度报告_武汉市公安局', null)).toBe(
      '武汉市公安局2021年法治政府建设年度报告',
    );
    expect(stripTitleSuffix('某某报告 - 法治政府建设 - 某某区人民政府', null)).toBe('某某报告');
    expect(stripTitleSuffix('关于《实施纲要(2021-2025年)》的报告', null)).toBe('关于《实施纲要(2021-2025年)》的报告');
    expect(stripTitleSuffix('某某局2023年法治政府建设情况|某某局', null)).toBe('某某局2023年法治政府建设情况');
    expect(stripTitleSuffix('某某局2023年法治政府建设情况-某某市人民政府门户网站', '某某市人民政府门户网站')).toBe(
      '某某局2023年法治政府建设情况',
    );
    expect(stripTitleSuffix('新闻详情', null)).toBeNull();
  });
  it('reads the title block, fields in adjacent spans', () => {
    expect(parseTitleBlock(['发布日期: 2022-03-04 10:38 来源: 武汉市公安局 【打印】'])).toEqual({
      date: '2022-03-04',
      source: '武汉市公安局',
      labelled: true,
    });
    expect(parseTitleBlock(['发布时间：2023-03-10信息来源：西湖区司法局浏览次数：88'])).toEqual({
      date: '2023-03-10',
      source: '西湖区司法局',
      labelled: true,
    });
    expect(parseTitleBlock(['首页', '2023-03-10来源：某局'], ['2023-03-10来源：某局'])).toEqual({
      date: '2023-03-10',
      source: '某局',
      labelled: false,
    });
    expect(parseTitleBlock(['首页', '2023-03-10'])).toEqual({ date: null, source: null, labelled: false });
    // 信息公开 tables: the label in one cell, the value in the next.
    expect(parseTitleBlock(['发布机构：', '某某市应急管理局', '发布日期：', '2024-02-18'])).toEqual({
      date: '2024-02-18',
      source: '某某市应急管理局',
      labelled: true,
    });
    expect(parseTitleBlock(['Release Date: 2024-04-08 | Source: Foreign Affairs Office'])).toEqual({
      date: '2024-04-08',
      source: 'Foreign Affairs Office',
      labelled: true,
    });
    expect(parseTitleBlock(['Date: April 8, 2024  Source: Somecity Daily'])).toEqual({
      date: '2024-04-08',
      source: 'Somecity Daily',
      labelled: true,
    });
  });
  it('tells a site or column name from a page title', () => {
    for (const t of [
      '某某县人民政府门户网站',
      '某某市人民政府',
      '某某区人民政府网站',
      '某某镇政府网',
      '通知公告',
      '某某市公安局',
    ])
      expect([t, isSiteNameTitle(t, null)]).toEqual([t, true]);
    for (const t of ['坚持依法行政 建设法治政府', '某某县司法局2023年法治政府建设年度报告', '区政府召开常务会议'])
      expect([t, isSiteNameTitle(t, null)]).toEqual([t, false]);
    expect(isSiteNameTitle('南宁之窗', '南宁之窗')).toBe(true);
    expect(isSiteNameTitle(null, null)).toBe(true);
  });
  it('dates from the URL: TRS, Hanweb, gov.cn', () => {
    expect(dateFromUrl('http://a.gov.cn/xwzx/202403/t20240322_123456.html')).toBe('2024-03-22');
    expect(dateFromUrl('http://a.gov.cn/art/2024/1/9/art_1229_3344.html')).toBe('2024-01-09');
    expect(dateFromUrl('https://a.gov.cn/zhengce/2024-02/05/content_6930001.htm')).toBe('2024-02-05');
    expect(dateFromUrl('http://a.gov.cn/news/show.asp?id=20240322')).toBeNull();
    expect(dateFromUrl('not a url')).toBeNull();
  });
  it('normalizes English dates', () => {
    expect(normalizeDate('April 8, 2024')).toBe('2024-04-08');
    expect(normalizeDate('8 April 2024')).toBe('2024-04-08');
    expect(normalizeDate('Sept. 30, 2023')).toBe('2023-09-30');
    expect(normalizeDate('Maybe 8, 2024')).toBeNull();
  });
  it('reads the signature block', () => {
    expect(parseSignature(['正文。', '上海市公安局嘉定分局', '2024年3月22日'])).toEqual({
      agency: '上海市公安局嘉定分局',
      date: '2024-03-22',
      lines: 2,
    });
    expect(parseSignature(['正文。', '佛山市南海区司法局', '二〇二四年一月三十日'])).toMatchObject({
      agency: '佛山市南海区司法局',
      date: '2024-01-30',
    });
    expect(parseSignature(['正文。', '某某县人民政府 2023年1月5日'])).toMatchObject({
      agency: '某某县人民政府',
      date: '2023-01-05',
    });
    expect(parseSignature(['正文，没有落款。'])).toEqual({ agency: null, date: null, lines: 0 });
  });
  it('finds the agency in a title', () => {
    expect(agencyFromTitle('武汉市公安局2021年法治政府建设年度报告')).toBe('武汉市公安局');
    expect(agencyFromTitle('苏州市人力资源和社会保障局关于2021年法治政府建设工作情况的报告')).toBe(
      '苏州市人力资源和社会保障局',
    );
    expect(agencyFromTitle('我区发布2023年法治政府建设年度报告')).toBeNull();
  });
  it('takes the report year from the title, else the opening sentence', () => {
    expect(reportYearOf('某局2022年度法治政府建设情况报告', '2023年，')).toBe(2022);
    expect(reportYearOf(null, '2021年,上海市公安局全面贯彻落实《纲要(2021-2025年)》。')).toBe(2021);
    expect(reportYearOf(null, '全面贯彻落实《纲要(2021-2025年)》，2023年以来。')).toBe(2023);
    expect(reportYearOf(null, '今年以来，我局扎实推进。')).toBeNull();
  });
});
