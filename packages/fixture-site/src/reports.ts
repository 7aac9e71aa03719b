// The report texts of the fixture: the five seeds, three written reports, and generated variants
// (other agencies and years) for large fixtures.

import { seedParagraphs } from './seed-text.ts';
import type { TemplateName } from './types.ts';
import { WRITTEN_REPORTS } from './written.ts';

export type ReportDef = {
  title: string;
  agency: string;
  reportYear: number;
  /** YYYY-MM-DD */
  publishedAt: string;
  /** HH:MM */
  time: string;
  source: string;
  siteName: string;
  template: TemplateName;
  /** Whether the page shows 发布日期 (else publishedAt is the signature date). */
  showDate: boolean;
  paragraphStyle?: 'p' | 'br';
  paragraphs: string[];
  /** Names of the agency as the body writes them, replaced in variants. */
  aliases: string[];
};

type Base = Omit<ReportDef, 'paragraphs'> & { paragraphs: () => string[] };

const BASES: Base[] = [
  {
    title: '上海市公安局2021年法治政府建设情况报告',
    agency: '上海市公安局',
    reportYear: 2021,
    publishedAt: '2022-03-31',
    time: '17:05',
    source: '上海市公安局',
    siteName: '上海公安',
    template: 'gbk-table',
    showDate: true,
    aliases: ['上海市公安局'],
    paragraphs: () => seedParagraphs('000', '上海市公安局2021年法治政府建设情况报告'),
  },
  {
    title: '嘉定公安分局2023年法治政府建设情况',
    agency: '上海市公安局嘉定分局',
    reportYear: 2023,
    publishedAt: '2024-03-22',
    time: '09:30',
    source: '嘉定公安分局',
    siteName: '上海市嘉定区人民政府',
    template: 'trs',
    showDate: true,
    aliases: ['上海市公安局嘉定分局', '嘉定公安分局'],
    paragraphs: () => seedParagraphs('001', '嘉定公安分局2023年法治政府建设情况'),
  },
  {
    title: '宜春市公安局2023年法治政府建设工作情况报告',
    agency: '宜春市公安局',
    reportYear: 2023,
    publishedAt: '2024-01-08',
    time: '16:20',
    source: '宜春市公安局',
    siteName: '宜春市公安局',
    template: 'gbk-table',
    showDate: false,
    paragraphStyle: 'br',
    aliases: ['宜春市公安局'],
    paragraphs: () => seedParagraphs('002', '宜春市公安局2023年法治政府建设工作情况报告'),
  },
  {
    title: '武汉市公安局2021年法治政府建设年度报告',
    agency: '武汉市公安局',
    reportYear: 2021,
    publishedAt: '2022-03-04',
    time: '10:38',
    source: '武汉市公安局',
    siteName: '武汉市公安局',
    template: 'trs',
    showDate: true,
    aliases: ['武汉市公安局'],
    paragraphs: () => seedParagraphs('003', '武汉市公安局2021年法治政府建设年度报告'),
  },
  {
    title: '天津市滨海新区公安局2023年法治政府建设情况报告',
    agency: '天津市滨海新区公安局',
    reportYear: 2023,
    publishedAt: '2024-03-05',
    time: '14:09',
    source: '区公安局',
    siteName: '天津市滨海新区人民政府',
    template: 'trs',
    showDate: true,
    aliases: ['天津市滨海新区公安局', '滨海新区公安局'],
    paragraphs: () => seedParagraphs('004', '天津市滨海新区公安局2023年法治政府建设情况报告'),
  },
  {
    title: '成都市公安局2022年法治政府建设情况报告',
    agency: '成都市公安局',
    reportYear: 2022,
    publishedAt: '2023-03-28',
    time: '11:00',
    source: '成都市公安局',
    siteName: '成都市公安局',
    template: 'trs',
    showDate: true,
    aliases: ['成都市公安局'],
    paragraphs: () => WRITTEN_REPORTS.chengdu,
  },
  {
    title: '南京市公安局玄武分局2023年法治政府建设工作报告',
    agency: '南京市公安局玄武分局',
    reportYear: 2023,
    publishedAt: '2024-02-26',
    time: '08:45',
    source: '玄武公安分局',
    siteName: '南京市玄武区人民政府',
    template: 'gbk-table',
    showDate: true,
    aliases: ['南京市公安局玄武分局'],
    paragraphs: () => WRITTEN_REPORTS.xuanwu,
  },
  {
    title: '深圳市公安局福田分局2022年法治政府建设年度报告',
    agency: '深圳市公安局福田分局',
    reportYear: 2022,
    publishedAt: '2023-03-15',
    time: '15:30',
    source: '福田公安分局',
    siteName: '深圳市福田区人民政府',
    template: 'trs',
    showDate: true,
    aliases: ['深圳市公安局福田分局', '福田公安分局'],
    paragraphs: () => WRITTEN_REPORTS.futian,
  },
];

export const ORIGINAL_COUNT = BASES.length;

function materialize(base: Base): ReportDef {
  return { ...base, paragraphs: base.paragraphs() };
}

let originals: ReportDef[] | undefined;
/** The five seeds (in seed order) then the three written reports. */
export function originalReports(): ReportDef[] {
  originals ??= BASES.map(materialize);
  return originals;
}

const CITIES = [
  '北京市',
  '天津市',
  '上海市',
  '重庆市',
  '石家庄市',
  '太原市',
  '沈阳市',
  '长春市',
  '哈尔滨市',
  '南京市',
  '杭州市',
  '合肥市',
  '福州市',
  '南昌市',
  '济南市',
  '郑州市',
  '武汉市',
  '长沙市',
  '广州市',
  '南宁市',
  '海口市',
  '成都市',
  '贵阳市',
  '昆明市',
  '西安市',
  '兰州市',
  '西宁市',
  '银川市',
  '乌鲁木齐市',
  '呼和浩特市',
  '拉萨市',
  '宁波市',
  '厦门市',
  '青岛市',
  '大连市',
  '苏州市',
  '无锡市',
  '佛山市',
  '东莞市',
  '温州市',
];
const DISTRICTS = ['', '城东', '城西', '城南', '城北', '高新', '经开', '新城', '港区'];
// 2011–2015 come last so that variants below 1,800 stay what they were (2,000-report sites need more).
const VARIANT_YEARS = [2016, 2017, 2018, 2019, 2020, 2015, 2014, 2013, 2012, 2011];
export const MAX_VARIANTS = CITIES.length * DISTRICTS.length * VARIANT_YEARS.length;

/**
 * Variant k (0 ≤ k < MAX_VARIANTS): a base report rewritten for another agency and year.
 * Years 2011–2020 never clash with the originals (2021–2023), so every (agency, year) pair is unique.
 */
export function variantReport(k: number): ReportDef {
  if (k < 0 || k >= MAX_VARIANTS) throw new Error(`fixture-site: variant ${k} out of range (max ${MAX_VARIANTS})`);
  const base = originalReports()[k % BASES.length];
  if (!base) throw new Error('unreachable');
  const agencyIdx = k % (CITIES.length * DISTRICTS.length);
  const city = CITIES[agencyIdx % CITIES.length] ?? '';
  const district = DISTRICTS[Math.floor(agencyIdx / CITIES.length)] ?? '';
  const agency = district === '' ? `${city}公安局` : `${city}公安局${district}分局`;
  const year = VARIANT_YEARS[Math.floor(k / (CITIES.length * DISTRICTS.length))] ?? 2016;
  const delta = year - base.reportYear;
  const shiftYears = (s: string) =>
    s.replace(/(?<![\d\-—－])(20\d\d)年/g, (m, y: string) => {
      const n = Number(y);
      return n === base.reportYear || n === base.reportYear + 1 ? `${n + delta}年` : m;
    });
  const aliases = [...base.aliases].sort((a, b) => b.length - a.length);
  const rename = (s: string) => aliases.reduce((acc, a) => acc.split(a).join(agency), s);
  const publishedAt = `${year + 1}${base.publishedAt.slice(4)}`;
  const paragraphs = base.paragraphs.map((p) => shiftYears(rename(p)));
  if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(paragraphs[paragraphs.length - 1] ?? '')) {
    paragraphs.push(agency, `${year + 1}年${Number(publishedAt.slice(5, 7))}月${Number(publishedAt.slice(8, 10))}日`);
  }
  return {
    ...base,
    title: `${agency}${year}年法治政府建设情况报告`,
    agency,
    reportYear: year,
    publishedAt,
    source: agency,
    siteName: agency,
    showDate: true,
    aliases: [agency],
    paragraphs,
  };
}
