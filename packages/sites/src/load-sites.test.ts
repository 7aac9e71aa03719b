import { describe, expect, it } from 'vitest';
import { parseSites, SiteFileError } from './load-sites.ts';

const good = `
sites:
  - id: wuhan-gaj
    name: 武汉市公安局
    startUrls: [https://gaj.wuhan.gov.cn/]
    render: http
    requestsPerSecond: 1
    schedule: "0 2 * * *"
`;

describe('parseSites', () => {
  it('applies defaults', () => {
    const [site] = parseSites(good, 'sites.yaml');
    expect(site).toMatchObject({
      id: 'wuhan-gaj',
      titleKeywords: ['法治政府建设'],
      allowPrivateNetwork: false,
      maxDepth: 5,
    });
  });

  it('names the file, the site and the field of a bad value', () => {
    const bad = good.replace('render: http', 'render: chrome');
    expect(() => parseSites(bad, 'my-sites.yaml')).toThrow(/^my-sites\.yaml: site wuhan-gaj: field render: /);
  });

  it('names an unknown key', () => {
    const bad = good.replace('render: http', 'rendr: http');
    expect(() => parseSites(bad, 'a.yaml')).toThrow(/a\.yaml: site wuhan-gaj: .*rendr/);
  });

  it('rejects a bad start URL and a bad pattern', () => {
    expect(() => parseSites(good.replace('https://gaj.wuhan.gov.cn/', 'not-a-url'), 'a.yaml')).toThrow(
      /site wuhan-gaj: field startUrls\.0/,
    );
    expect(() => parseSites(`${good}    reportLinkPattern: "([a"\n`, 'a.yaml')).toThrow(/field reportLinkPattern/);
  });

  it('revisits known non-report pages every 7 days by default; 0 is allowed, a negative period is not', () => {
    expect(parseSites(good, 'a.yaml')[0]?.revisitNotReportsDays).toBe(7);
    expect(parseSites(`${good}    revisitNotReportsDays: 0\n`, 'a.yaml')[0]?.revisitNotReportsDays).toBe(0);
    expect(() => parseSites(`${good}    revisitNotReportsDays: -1\n`, 'a.yaml')).toThrow(
      /site wuhan-gaj: field revisitNotReportsDays: /,
    );
  });

  it('follows 20 pages of an endless calendar or pager by default; more when set, never 0', () => {
    expect(parseSites(good, 'a.yaml')[0]?.endlessListLimit).toBe(20);
    expect(parseSites(`${good}    endlessListLimit: 60\n`, 'a.yaml')[0]?.endlessListLimit).toBe(60);
    for (const bad of ['0', '2.5', '"many"'])
      expect(() => parseSites(`${good}    endlessListLimit: ${bad}\n`, 'a.yaml')).toThrow(
        /a\.yaml: site wuhan-gaj: field endlessListLimit: /,
      );
  });

  it('rejects a bad cron schedule', () => {
    expect(() => parseSites(good.replace('0 2 * * *', '61 2 * * *'), 'a.yaml')).toThrow(
      /site wuhan-gaj: field schedule: not a valid cron/,
    );
  });

  it('rejects duplicate ids and a file without sites', () => {
    const dup = `${good}${good.replace('sites:\n', '')}`;
    expect(() => parseSites(dup, 'a.yaml')).toThrow(/duplicate id/);
    expect(() => parseSites('foo: 1', 'a.yaml')).toThrow(/a\.yaml: expected a top-level "sites:" list/);
  });

  it('reports every error in the file at once, each naming file, site and field', () => {
    const bad = `
sites:
  - id: one
    name: 一
    startUrls: [https://a.gov.cn/]
    rendr: http
    reportLinkPattern: "([a"
  - id: two
    startUrls: []
    schedule: "61 2 * * *"
  - id: one
    name: 一又
    startUrls: [https://b.gov.cn/]
`;
    let error: unknown;
    try {
      parseSites(bad, 'bad.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SiteFileError);
    const problems = (error as SiteFileError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad\.yaml: site one: field rendr: unknown key/),
        expect.stringMatching(/^bad\.yaml: site one: field reportLinkPattern: not a valid regular expression/),
        expect.stringMatching(/^bad\.yaml: site two: field name: /),
        expect.stringMatching(/^bad\.yaml: site two: field startUrls: /),
        expect.stringMatching(/^bad\.yaml: site two: field schedule: not a valid cron/),
        expect.stringMatching(/^bad\.yaml: site one: field id: duplicate id/),
      ]),
    );
    expect((error as Error).message).toMatch(/^6 errors in the site file:/);
  });

  it('reads declared agencies and a report deadline, and names a bad one', () => {
    const withAgencies = good.replace(
      'render: http',
      'render: http\n    reportDeadline: "03-31"\n    agencies: [武汉市公安局, {name: 武汉市公安局江岸区分局, aliases: [江岸公安分局], level: district}]',
    );
    const [site] = parseSites(withAgencies, 'sites.yaml');
    expect(site?.reportDeadline).toBe('03-31');
    expect(site?.agencies).toEqual([
      '武汉市公安局',
      { name: '武汉市公安局江岸区分局', aliases: ['江岸公安分局'], level: 'district' },
    ]);
    expect(() => parseSites(withAgencies.replace('"03-31"', '"02-29"'), 's.yaml')).toThrow(
      /site wuhan-gaj: field reportDeadline: expected MM-DD/,
    );
    expect(() => parseSites(withAgencies.replace('level: district', 'level: province'), 's.yaml')).toThrow(
      /field agencies/,
    );
  });
});
