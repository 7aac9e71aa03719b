// src/reports.ts
import { seedParagraphs } from "./seed-text.js";
import { WRITTEN_REPORTS } from "./written.js";
var BASES = [
  {
    title: "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A",
    agency: "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C40",
    reportYear: 2021,
    publishedAt: "2022-03-31",
    time: "17:05",
    source: "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C40",
    siteName: "\u4E0A\u6D77\u516C\u5B89",
    template: "gbk-table",
    showDate: true,
    aliases: ["\u4E0A\u6D77\u5E02\u516C\u5B89\u5C40"],
    paragraphs: () => seedParagraphs("000", "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A")
  },
  {
    title: "\u5609\u5B9A\u516C\u5B89\u5206\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5",
    agency: "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C40\u5609\u5B9A\u5206\u5C40",
    reportYear: 2023,
    publishedAt: "2024-03-22",
    time: "09:30",
    source: "\u5609\u5B9A\u516C\u5B89\u5206\u5C40",
    siteName: "\u4E0A\u6D77\u5E02\u5609\u5B9A\u533A\u4EBA\u6C11\u653F\u5E9C",
    template: "trs",
    showDate: true,
    aliases: ["\u4E0A\u6D77\u5E02\u516C\u5B89\u5C40\u5609\u5B9A\u5206\u5C40", "\u5609\u5B9A\u516C\u5B89\u5206\u5C40"],
    paragraphs: () => seedParagraphs("001", "\u5609\u5B9A\u516C\u5B89\u5206\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5")
  },
  {
    title: "\u5B9C\u6625\u5E02\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u60C5\u51B5\u62A5\u544A",
    agency: "\u5B9C\u6625\u5E02\u516C\u5B89\u5C40",
    reportYear: 2023,
    publishedAt: "2024-01-08",
    time: "16:20",
    source: "\u5B9C\u6625\u5E02\u516C\u5B89\u5C40",
    siteName: "\u5B9C\u6625\u5E02\u516C\u5B89\u5C40",
    template: "gbk-table",
    showDate: false,
    paragraphStyle: "br",
    aliases: ["\u5B9C\u6625\u5E02\u516C\u5B89\u5C40"],
    paragraphs: () => seedParagraphs("002", "\u5B9C\u6625\u5E02\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u60C5\u51B5\u62A5\u544A")
  },
  {
    title: "\u6B66\u6C49\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5E74\u5EA6\u62A5\u544A",
    agency: "\u6B66\u6C49\u5E02\u516C\u5B89\u5C40",
    reportYear: 2021,
    publishedAt: "2022-03-04",
    time: "10:38",
    source: "\u6B66\u6C49\u5E02\u516C\u5B89\u5C40",
    siteName: "\u6B66\u6C49\u5E02\u516C\u5B89\u5C40",
    template: "trs",
    showDate: true,
    aliases: ["\u6B66\u6C49\u5E02\u516C\u5B89\u5C40"],
    paragraphs: () => seedParagraphs("003", "\u6B66\u6C49\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5E74\u5EA6\u62A5\u544A")
  },
  {
    title: "\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A",
    agency: "\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C40",
    reportYear: 2023,
    publishedAt: "2024-03-05",
    time: "14:09",
    source: "\u533A\u516C\u5B89\u5C40",
    siteName: "\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u4EBA\u6C11\u653F\u5E9C",
    template: "trs",
    showDate: true,
    aliases: ["\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C40", "\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C40"],
    paragraphs: () => seedParagraphs("004", "\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A")
  },
  {
    title: "\u6210\u90FD\u5E02\u516C\u5B89\u5C402022\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A",
    agency: "\u6210\u90FD\u5E02\u516C\u5B89\u5C40",
    reportYear: 2022,
    publishedAt: "2023-03-28",
    time: "11:00",
    source: "\u6210\u90FD\u5E02\u516C\u5B89\u5C40",
    siteName: "\u6210\u90FD\u5E02\u516C\u5B89\u5C40",
    template: "trs",
    showDate: true,
    aliases: ["\u6210\u90FD\u5E02\u516C\u5B89\u5C40"],
    paragraphs: () => WRITTEN_REPORTS.chengdu
  },
  {
    title: "\u5357\u4EAC\u5E02\u516C\u5B89\u5C40\u7384\u6B66\u5206\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u62A5\u544A",
    agency: "\u5357\u4EAC\u5E02\u516C\u5B89\u5C40\u7384\u6B66\u5206\u5C40",
    reportYear: 2023,
    publishedAt: "2024-02-26",
    time: "08:45",
    source: "\u7384\u6B66\u516C\u5B89\u5206\u5C40",
    siteName: "\u5357\u4EAC\u5E02\u7384\u6B66\u533A\u4EBA\u6C11\u653F\u5E9C",
    template: "gbk-table",
    showDate: true,
    aliases: ["\u5357\u4EAC\u5E02\u516C\u5B89\u5C40\u7384\u6B66\u5206\u5C40"],
    paragraphs: () => WRITTEN_REPORTS.xuanwu
  },
  {
    title: "\u6DF1\u5733\u5E02\u516C\u5B89\u5C40\u798F\u7530\u5206\u5C402022\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5E74\u5EA6\u62A5\u544A",
    agency: "\u6DF1\u5733\u5E02\u516C\u5B89\u5C40\u798F\u7530\u5206\u5C40",
    reportYear: 2022,
    publishedAt: "2023-03-15",
    time: "15:30",
    source: "\u798F\u7530\u516C\u5B89\u5206\u5C40",
    siteName: "\u6DF1\u5733\u5E02\u798F\u7530\u533A\u4EBA\u6C11\u653F\u5E9C",
    template: "trs",
    showDate: true,
    aliases: ["\u6DF1\u5733\u5E02\u516C\u5B89\u5C40\u798F\u7530\u5206\u5C40", "\u798F\u7530\u516C\u5B89\u5206\u5C40"],
    paragraphs: () => WRITTEN_REPORTS.futian
  }
];
var ORIGINAL_COUNT = BASES.length;
function materialize(base) {
  return { ...base, paragraphs: base.paragraphs() };
}
var originals;
function originalReports() {
  originals ??= BASES.map(materialize);
  return originals;
}
var CITIES = [
  "\u5317\u4EAC\u5E02",
  "\u5929\u6D25\u5E02",
  "\u4E0A\u6D77\u5E02",
  "\u91CD\u5E86\u5E02",
  "\u77F3\u5BB6\u5E84\u5E02",
  "\u592A\u539F\u5E02",
  "\u6C88\u9633\u5E02",
  "\u957F\u6625\u5E02",
  "\u54C8\u5C14\u6EE8\u5E02",
  "\u5357\u4EAC\u5E02",
  "\u676D\u5DDE\u5E02",
  "\u5408\u80A5\u5E02",
  "\u798F\u5DDE\u5E02",
  "\u5357\u660C\u5E02",
  "\u6D4E\u5357\u5E02",
  "\u90D1\u5DDE\u5E02",
  "\u6B66\u6C49\u5E02",
  "\u957F\u6C99\u5E02",
  "\u5E7F\u5DDE\u5E02",
  "\u5357\u5B81\u5E02",
  "\u6D77\u53E3\u5E02",
  "\u6210\u90FD\u5E02",
  "\u8D35\u9633\u5E02",
  "\u6606\u660E\u5E02",
  "\u897F\u5B89\u5E02",
  "\u5170\u5DDE\u5E02",
  "\u897F\u5B81\u5E02",
  "\u94F6\u5DDD\u5E02",
  "\u4E4C\u9C81\u6728\u9F50\u5E02",
  "\u547C\u548C\u6D69\u7279\u5E02",
  "\u62C9\u8428\u5E02",
  "\u5B81\u6CE2\u5E02",
  "\u53A6\u95E8\u5E02",
  "\u9752\u5C9B\u5E02",
  "\u5927\u8FDE\u5E02",
  "\u82CF\u5DDE\u5E02",
  "\u65E0\u9521\u5E02",
  "\u4F5B\u5C71\u5E02",
  "\u4E1C\u839E\u5E02",
  "\u6E29\u5DDE\u5E02"
];
var DISTRICTS = ["", "\u57CE\u4E1C", "\u57CE\u897F", "\u57CE\u5357", "\u57CE\u5317", "\u9AD8\u65B0", "\u7ECF\u5F00", "\u65B0\u57CE", "\u6E2F\u533A"];
var VARIANT_YEARS = [2016, 2017, 2018, 2019, 2020];
var MAX_VARIANTS = CITIES.length * DISTRICTS.length * VARIANT_YEARS.length;
function variantReport(k) {
  if (k < 0 || k >= MAX_VARIANTS) throw new Error(`fixture-site: variant ${k} out of range (max ${MAX_VARIANTS})`);
  const base = originalReports()[k % BASES.length];
  if (!base) throw new Error("unreachable");
  const agencyIdx = k % (CITIES.length * DISTRICTS.length);
  const city = CITIES[agencyIdx % CITIES.length] ?? "";
  const district = DISTRICTS[Math.floor(agencyIdx / CITIES.length)] ?? "";
  const agency = district === "" ? `${city}\u516C\u5B89\u5C40` : `${city}\u516C\u5B89\u5C40${district}\u5206\u5C40`;
  const year = VARIANT_YEARS[Math.floor(k / (CITIES.length * DISTRICTS.length))] ?? 2016;
  const delta = year - base.reportYear;
  const shiftYears = (s) => s.replace(/(?<![\d\-—－])(20\d\d)年/g, (m, y) => {
    const n = Number(y);
    return n === base.reportYear || n === base.reportYear + 1 ? `${n + delta}\u5E74` : m;
  });
  const aliases = [...base.aliases].sort((a, b) => b.length - a.length);
  const rename = (s) => aliases.reduce((acc, a) => acc.split(a).join(agency), s);
  const publishedAt = `${year + 1}${base.publishedAt.slice(4)}`;
  const paragraphs = base.paragraphs.map((p) => shiftYears(rename(p)));
  if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(paragraphs[paragraphs.length - 1] ?? "")) {
    paragraphs.push(agency, `${year + 1}\u5E74${Number(publishedAt.slice(5, 7))}\u6708${Number(publishedAt.slice(8, 10))}\u65E5`);
  }
  return {
    ...base,
    title: `${agency}${year}\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A`,
    agency,
    reportYear: year,
    publishedAt,
    source: agency,
    siteName: agency,
    showDate: true,
    aliases: [agency],
    paragraphs
  };
}
export {
  MAX_VARIANTS,
  ORIGINAL_COUNT,
  originalReports,
  variantReport
};
//# sourceMappingURL=reports.js.map
