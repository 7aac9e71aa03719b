// Gold part tags, written by hand from reading each report of the seeds (packages/fixture-site/seeds),
// the extraction corpus (tests/fixtures/extract) and the fixture site's written reports, plus
// heading variants seen on other agencies' sites. Keyed by the report's top-level headings in order.
import type { ReportPart } from './report-parts.ts';

export type GoldReport = { reportYear: number; headings: Array<[heading: string, parts: ReportPart[]]> };

const A: ReportPart[] = ['achievements'];
const L: ReportPart[] = ['leadership'];
const P: ReportPart[] = ['problems'];
const N: ReportPart[] = ['nextSteps'];

/** By agency name and year, as the corpus texts carry them. */
export const GOLD: Record<string, GoldReport> = {
  '上海市公安局 2021': {
    reportYear: 2021,
    headings: [
      ['一、2021年法治政府建设主要工作举措及成效', A],
      ['二、2021年履行推进法治政府建设第一责任人职责,加强法治政府建设的有关情况', L],
      ['三、2022年推进法治政府建设的主要安排', N],
    ],
  },
  '上海市公安局嘉定分局 2023': {
    reportYear: 2023,
    headings: [
      ['一、2023年工作成效', A],
      ['二、工作中存在的不足', P],
      ['三、下步工作打算', N],
    ],
  },
  '宜春市公安局 2023': {
    reportYear: 2023,
    headings: [
      ['一、2023年法治政府建设主要工作及成效', A],
      ['二、主要负责人履行职责情况', L],
      ['三、存在的主要问题', P],
      ['四、下一步工作计划', N],
    ],
  },
  '武汉市公安局 2021': {
    reportYear: 2021,
    headings: [
      ['一、主要工作措施', A],
      ['二、2022年工作打算', N],
    ],
  },
  '天津市滨海新区公安局 2023': {
    reportYear: 2023,
    headings: [
      ['一、重点工作和成效', A],
      ['二、履行推进法治建设第一责任人职责情况', L],
      ['三、存在的不足和原因', P],
      ['四、2024年重点工作措施', N],
    ],
  },
  '杭州市西湖区人民政府 2022': {
    reportYear: 2022,
    headings: [
      ['一、2022年推进法治政府建设的主要举措和成效', A],
      ['二、存在的不足', P],
      ['三、2023年工作安排', N],
    ],
  },
  '成都市公安局 2020': {
    reportYear: 2020,
    headings: [
      ['一、主要工作情况', A],
      ['二、存在的问题', P],
      ['三、2021年工作打算', N],
    ],
  },
  '佛山市南海区司法局 2023': {
    reportYear: 2023,
    headings: [
      ['一、主要工作成效', A],
      ['二、存在问题', P],
      ['三、下一步工作计划', N],
    ],
  },
  '济南市市场监督管理局 2022': {
    reportYear: 2022,
    headings: [
      ['一、2022年度推进法治政府建设的主要举措', A],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情况', L],
      ['三、存在的不足及下一步打算', ['problems', 'nextSteps']],
    ],
  },
  '苏州市人力资源和社会保障局 2021': {
    reportYear: 2021,
    headings: [
      ['一、主要工作开展情况', A],
      ['二、存在的问题和不足', P],
      ['三、2022年工作思路', N],
    ],
  },
  '长沙市岳麓区应急管理局 2023': {
    reportYear: 2023,
    headings: [
      ['一、2023年法治政府建设工作情况', A],
      ['二、存在的主要问题', P],
      ['三、2024年工作打算', N],
    ],
  },
  '成都市公安局 2022': {
    reportYear: 2022,
    headings: [
      ['一、2022年法治政府建设主要举措和成效', A],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情况', L],
      ['三、存在的问题', P],
      ['四、2023年工作安排', N],
    ],
  },
  '南京市公安局玄武分局 2023': {
    reportYear: 2023,
    headings: [
      ['一、主要工作及成效', A],
      ['二、存在的不足', P],
      ['三、下一步工作打算', N],
    ],
  },
  '深圳市公安局福田分局 2022': {
    reportYear: 2022,
    headings: [
      ['一、2022年度法治政府建设工作开展情况', A],
      ['二、存在的主要问题', P],
      ['三、2023年工作计划', N],
    ],
  },
};

/**
 * Outlines as other offices write them (work areas as headings, 第N部分, combined headings),
 * headings only: the rules must not be fitted to the corpus alone.
 */
export const GOLD_VARIANTS: GoldReport[] = [
  {
    reportYear: 2023,
    headings: [
      ['一、坚持党的领导，统筹推进法治政府建设', A],
      ['二、深化“放管服”改革，优化法治化营商环境', A],
      ['三、严格规范公正文明执法', A],
      ['四、主要负责人履行推进法治建设第一责任人职责', L],
      ['五、存在的短板和薄弱环节', P],
      ['六、2024年工作思路', N],
    ],
  },
  {
    reportYear: 2022,
    headings: [
      ['第一部分 2022年度法治政府建设基本情况', A],
      ['第二部分 存在的困难和问题', P],
      ['第三部分 下一年度推进法治政府建设的主要安排', N],
    ],
  },
  {
    reportYear: 2021,
    headings: [
      ['一、工作开展情况及取得的成效', A],
      ['二、党政主要负责人履行推进法治建设第一责任人职责情况', L],
      ['三、存在的问题及今后工作打算', ['problems', 'nextSteps']],
    ],
  },
];
