import { describe, expect, it } from 'vitest';
import { MAX_VARIANTS, originalReports, variantReport } from '../../fixture-site/src/reports.ts';
import { agencyKey, type KnownAgency, parseAgencyName, resolveAgencyName, siteCity } from './agency-name.ts';

const key = (name: string) => {
  const p = parseAgencyName(name);
  return p ? agencyKey(p) : null;
};

describe('parseAgencyName on the names the seeds and fixture pages use', () => {
  it.each([
    ['上海市公安局', '公安局|上海|', 'city'],
    ['宜春市公安局', '公安局|宜春|', 'city'],
    ['武汉市公安局', '公安局|武汉|', 'city'],
    ['湖北省武汉市公安局', '公安局|武汉|', 'city'],
    ['上海市公安局嘉定分局', '公安局|上海|嘉定', 'district'],
    ['天津市滨海新区公安局', '公安局|天津|滨海新', 'district'],
    ['南京市公安局玄武分局', '公安局|南京|玄武', 'district'],
    ['深圳市公安局福田分局', '公安局|深圳|福田', 'district'],
    ['杭州市西湖区人民政府', '人民政府|杭州|西湖', 'district'],
    ['佛山市南海区司法局', '司法局|佛山|南海', 'district'],
    ['济南市市场监督管理局', '市场监督管理局|济南|', 'city'],
    ['苏州市人力资源和社会保障局', '人力资源和社会保障局|苏州|', 'city'],
    ['长沙市岳麓区应急管理局', '应急管理局|长沙|岳麓', 'district'],
    ['某某县司法局', '司法局|?|某某', 'county'],
    ['呼和浩特市公安局城东分局', '公安局|呼和浩特|城东', 'district'],
  ])('%s → %s (%s)', (name, want, level) => {
    expect(key(name)).toBe(want);
    expect(parseAgencyName(name)?.level).toBe(level);
  });

  it('short forms without a city keep the city unknown', () => {
    expect(key('嘉定公安分局')).toBe('公安局|?|嘉定');
    expect(key('嘉定分局')).toBe('公安局|?|嘉定');
    expect(key('滨海新区公安局')).toBe('公安局|?|滨海新');
    expect(key('福田公安分局')).toBe('公安局|?|福田');
    expect(key('玄武公安分局')).toBe('公安局|?|玄武');
  });

  it('bare names carry no place and say so', () => {
    expect(parseAgencyName('区公安局')).toMatchObject({ bare: true, organ: '公安局', level: 'district', city: null });
    expect(parseAgencyName('市公安局')).toMatchObject({ bare: true, organ: '公安局', level: 'city' });
  });

  it('full-width spacing and brackets do not change the identity', () => {
    expect(key(' 上海市公安局　嘉定分局 ')).toBe('公安局|上海|嘉定');
  });

  it('answers null for what is no agency name', () => {
    expect(parseAgencyName('法治政府建设情况报告')).toBeNull();
    expect(parseAgencyName('成都市公安局法制支队')).toBeNull();
    expect(parseAgencyName('')).toBeNull();
  });
});

describe('resolveAgencyName with a site context', () => {
  const jiading: KnownAgency[] = [{ key: '公安局|上海|嘉定', level: 'district' }];

  it('嘉定公安分局 = 上海市公安局嘉定分局 = 嘉定分局 when the site says the city', () => {
    for (const name of ['嘉定公安分局', '上海市公安局嘉定分局', '嘉定分局', '上海市嘉定区公安局']) {
      expect(resolveAgencyName(name, jiading)).toMatchObject({ kind: 'known', key: '公安局|上海|嘉定' });
    }
  });

  it('takes the city from the site name when the site declares no agency', () => {
    expect(siteCity([], '上海市嘉定区人民政府')).toBe('上海');
    expect(resolveAgencyName('嘉定公安分局', [], '上海市嘉定区人民政府')).toMatchObject({
      kind: 'new',
      key: '公安局|上海|嘉定',
    });
  });

  it("never merges two cities' bureaus", () => {
    const twoCities: KnownAgency[] = [
      { key: '公安局|北京|城东', level: 'district' },
      { key: '公安局|天津|城东', level: 'district' },
    ];
    expect(siteCity(twoCities)).toBeNull();
    const r = resolveAgencyName('城东分局', twoCities);
    expect(r).toMatchObject({ kind: 'new', key: '公安局|?|城东' });
    expect(resolveAgencyName('北京市公安局城东分局', twoCities)).toMatchObject({
      kind: 'known',
      key: '公安局|北京|城东',
    });
    expect(resolveAgencyName('天津市公安局城东分局', twoCities)).toMatchObject({
      kind: 'known',
      key: '公安局|天津|城东',
    });
    expect(key('北京市公安局')).not.toBe(key('天津市公安局'));
  });

  it('strips the 区 of a bare 区公安局 only where one district bureau can be meant', () => {
    const binhai: KnownAgency[] = [{ key: '公安局|天津|滨海新', level: 'district' }];
    expect(resolveAgencyName('区公安局', binhai)).toMatchObject({ kind: 'known', key: '公安局|天津|滨海新' });
    const two: KnownAgency[] = [...binhai, { key: '公安局|天津|和平', level: 'district' }];
    expect(resolveAgencyName('区公安局', two).kind).toBe('unresolved');
    // A city bureau is no candidate for 区公安局.
    expect(resolveAgencyName('区公安局', [{ key: '公安局|天津|', level: 'city' }]).kind).toBe('unresolved');
  });

  it('a city portal publishing for several bureaus of one city fills the city in', () => {
    const portal: KnownAgency[] = [
      { key: '公安局|南京|', level: 'city' },
      { key: '公安局|南京|玄武', level: 'district' },
    ];
    expect(resolveAgencyName('玄武公安分局', portal)).toMatchObject({ kind: 'known', key: '公安局|南京|玄武' });
    expect(resolveAgencyName('秦淮分局', portal)).toMatchObject({ kind: 'new', key: '公安局|南京|秦淮' });
  });
});

describe('every agency of the fixture site', () => {
  it('parses, and distinct agencies (360 variants over 40 cities, 8 originals) never share a key', () => {
    const names = new Set([...originalReports().map((r) => r.agency)]);
    for (let k = 0; k < Math.min(MAX_VARIANTS, 360); k++) names.add(variantReport(k).agency);
    expect(names.size).toBeGreaterThan(360);
    const keys = new Map<string, string>();
    for (const name of names) {
      const k = key(name);
      expect(k, name).not.toBeNull();
      expect(keys.get(k as string), `${name} collides`).toBeUndefined();
      keys.set(k as string, name);
    }
  });
});
