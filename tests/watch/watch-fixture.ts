// Two small government sites on 127.0.0.1 for the publication watch: a district portal publishing
// for several agencies (嘉定: the police branch on time two years running, the market regulator
// late — its page goes up only when the test says so — and the justice bureau never), and a
// district portal whose police bureau nobody declared (滨海新区, on time). Pages are rendered with
// the fixture site's TRS template around the seed texts and texts derived from them.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedParagraphs } from '../../packages/fixture-site/src/seed-text.ts';
import { renderTrs } from '../../packages/fixture-site/src/templates/trs.ts';

type Page = {
  path: string;
  title: string;
  date: string;
  source: string;
  siteName: string;
  paragraphs: string[];
  published: boolean;
};

const shiftYears = (s: string, from: number) =>
  s
    .replaceAll(`${from}年`, '\u0000')
    .replaceAll(`${from + 1}年`, `${from}年`)
    .replaceAll('\u0000', `${from - 1}年`);

/** 嘉定公安分局's 2022 report: the 2023 seed a year earlier, one work area missing, one of its own, other figures, one problem fewer. */
export function jiading2022(): string[] {
  const y2023 = seedParagraphs('001', '嘉定公安分局2023年法治政府建设情况');
  const out: string[] = [];
  let skipping = false;
  for (const p of y2023) {
    if (p.startsWith('(四)深化公安“放管服”改革')) {
      skipping = true;
      out.push(
        '(四)推进执法规范化建设',
        '全年组织执法培训12期，培训民警800余人次。完成派出所执法办案管理中心改造3处，执法办案场所全部实现智能化管理。',
      );
      continue;
    }
    if (skipping && p.startsWith('二、')) skipping = false;
    if (skipping) continue;
    let q = p.replace('排查整改12类交通设施隐患9000余处', '排查整改10类交通设施隐患7000余处');
    if (q.startsWith('一是领导干部对法治思维')) q = q.slice(0, q.indexOf('二是'));
    out.push(shiftYears(q, 2023).replace('2024年3月22日', '2023年3月20日').replace('2023年3月22日', '2023年3月20日'));
  }
  return out;
}

/** The market regulator's late 2023 report: the Jinan source text, renamed and a year on. */
function marketRegulator2023(): string[] {
  const raw = readFileSync(new URL('../fixtures/extract/source/r4-jinan-2022.txt', import.meta.url), 'utf8');
  const body = raw
    .slice(raw.indexOf('---\n') + 4)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return body.map((p) =>
    p
      .replaceAll('2023年', '\u0000')
      .replaceAll('2022年', '2023年')
      .replaceAll('\u0000', '2024年')
      .replaceAll('济南市市场监督管理局', '上海市嘉定区市场监督管理局')
      .replace(/^2024年3月25日$/, '2024年6月8日'),
  );
}

export type WatchFixture = {
  origin: string;
  /** Put the late report online (its list entry and page). */
  publishLate(): void;
  siteYaml(): string;
  close(): Promise<void>;
};

export const LATE_PATH = '/jiading/t20240610_3.html';

export async function startWatchFixture(): Promise<WatchFixture> {
  const pages: Page[] = [
    {
      path: '/jiading/t20230320_1.html',
      title: '嘉定公安分局2022年法治政府建设情况',
      date: '2023-03-20',
      source: '嘉定公安分局',
      siteName: '上海市嘉定区人民政府',
      paragraphs: jiading2022(),
      published: true,
    },
    {
      path: '/jiading/t20240322_2.html',
      title: '嘉定公安分局2023年法治政府建设情况',
      date: '2024-03-22',
      source: '嘉定公安分局',
      siteName: '上海市嘉定区人民政府',
      paragraphs: seedParagraphs('001', '嘉定公安分局2023年法治政府建设情况'),
      published: true,
    },
    {
      path: LATE_PATH,
      title: '上海市嘉定区市场监督管理局2023年度法治政府建设情况报告',
      date: '2024-06-10',
      source: '嘉定区市场监管局',
      siteName: '上海市嘉定区人民政府',
      paragraphs: marketRegulator2023(),
      published: false,
    },
    {
      path: '/binhai/t20240305_1.html',
      title: '天津市滨海新区公安局2023年法治政府建设情况报告',
      date: '2024-03-05',
      source: '区公安局',
      siteName: '天津市滨海新区人民政府',
      paragraphs: seedParagraphs('004', '天津市滨海新区公安局2023年法治政府建设情况报告'),
      published: true,
    },
  ];
  const listPage = (dir: string) => {
    const items = pages
      .filter((p) => p.published && p.path.startsWith(`/${dir}/`))
      .map((p) => `<li><a href="${p.path}" title="${p.title}">${p.title}</a><span>${p.date}</span></li>`)
      .join('\n');
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>法治政府建设</title></head><body><ul class="list">\n${items}\n</ul></body></html>`;
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = pages.find((p) => p.path === path && p.published);
    let html: string | null = null;
    if (page) {
      html = renderTrs({
        ...page,
        time: '10:00',
        showDate: true,
        columnName: '法治政府建设',
        columnHref: `/${path.split('/')[1]}/index.html`,
      });
    } else if (path === '/jiading/index.html' || path === '/binhai/index.html') {
      html = listPage(path.split('/')[1] ?? '');
    }
    if (html === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    publishLate() {
      const late = pages.find((p) => p.path === LATE_PATH);
      if (late) late.published = true;
    },
    siteYaml: () => `sites:
  - id: watch-jiading
    name: 上海市嘉定区人民政府
    startUrls: ["${origin}/jiading/index.html"]
    reportLinkPattern: '/t\\d{8}_\\d+\\.html$'
    requestsPerSecond: 50
    allowPrivateNetwork: true
    agencies:
      - 上海市公安局嘉定分局
      - 上海市嘉定区市场监督管理局
      - { name: 上海市嘉定区司法局, aliases: [嘉定区司法局] }
  - id: watch-binhai
    name: 天津市滨海新区人民政府
    startUrls: ["${origin}/binhai/index.html"]
    reportLinkPattern: '/t\\d{8}_\\d+\\.html$'
    requestsPerSecond: 50
    allowPrivateNetwork: true
`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
