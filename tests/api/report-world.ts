// The small world the API and reports-page tests read: two sites, 宜春's 2022 report, 嘉定's 2023
// report, and 宜春's 2023 report in two versions (one paragraph rewritten, one added).
import { type PrismaClient, storePage } from '@govwatch/db';
import { parseSites } from '@govwatch/sites';
import { recordJob, seedSiteAndRuns } from '../store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from '../store-texts.ts';

export const reportWorldSites = parseSites(
  'sites:\n  - id: ycgaj\n    name: 宜春市公安局\n    startUrls: [http://www.ycgaj.gov.cn/]\n  - id: jdgaj\n    name: 上海市公安局嘉定分局\n    startUrls: [http://www.jiading.gov.cn/]\n',
  'sites.yaml',
);

/** Store the world; `publishedAt`: each report dated 20 January of the following year (else undated). */
export async function seedReportWorld(
  prisma: PrismaClient,
  opts: { publishedAt?: boolean } = {},
): Promise<{ y22: string; j23: string; y23: string }> {
  const yc = await seedSiteAndRuns(prisma, 'ycgaj', 3);
  const jd = await seedSiteAndRuns(prisma, 'jdgaj', 1);
  const store = async (
    runId: string | undefined,
    siteId: string,
    url: string,
    text: string,
    title: string,
    agency: string,
    reportYear: number,
  ) => {
    const publishedAt = opts.publishedAt ? `${reportYear + 1}-01-20` : undefined;
    const job = recordJob({ runId: runId as string, siteId, url, text, title, agency, reportYear, publishedAt });
    return (await storePage(prisma, job)).reportId as string;
  };
  const yichun2023 = '宜春市公安局2023年法治政府建设工作情况报告';
  const y22 = await store(
    yc[0],
    'ycgaj',
    'http://www.ycgaj.gov.cn/2023/t1.html',
    YICHUN_2022,
    '宜春市公安局2022年法治政府建设工作情况报告',
    '宜春市公安局',
    2022,
  );
  const j23 = await store(
    jd[0],
    'jdgaj',
    'http://www.jiading.gov.cn/2024/t2.html',
    JIADING_2023,
    '嘉定分局2023年法治政府建设情况报告',
    '上海市公安局嘉定分局',
    2023,
  );
  const y23 = await store(
    yc[1],
    'ycgaj',
    'http://www.ycgaj.gov.cn/2024/t1.html',
    YICHUN_2023,
    yichun2023,
    '宜春市公安局',
    2023,
  );
  const edited = `${YICHUN_2023.replace('圆满完成各项任务目标', '全面完成各项任务目标')}\n附:2023年度执法数据统计表。`;
  await store(yc[2], 'ycgaj', 'http://www.ycgaj.gov.cn/2024/t1.html', edited, yichun2023, '宜春市公安局', 2023);
  return { y22, j23, y23 };
}
