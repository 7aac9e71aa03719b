// Agency names as reports, titles and site files write them, reduced to one identity.
//
// The same bureau appears as 上海市公安局嘉定分局, 嘉定公安分局, 嘉定分局 or 上海市嘉定区公安局; the
// identity is (organ, city, district). Rules, each checked against the seeds and fixture pages
// (agency-name.test.ts):
// - a province prefix (湖北省…) is dropped: the city already says where;
// - 市 / 区 / 县 suffixes are dropped from the place names for the key only (嘉定区 → 嘉定), never
//   from the displayed name;
// - a name without a city (嘉定公安分局) takes the city from its site, and only when the site's
//   agencies all sit in one city; otherwise its city stays unknown and it merges with nothing
//   that has a city — two cities' 城东分局 must never become one agency;
// - a bare 区公安局 / 市公安局 (no place name at all) is resolved only when the site publishes
//   for exactly one agency of that organ and level.
// A bare X分局 is taken as a branch of the public security bureau: in these reports no other
// organ names its district offices that way.

export type AgencyLevel = 'city' | 'district' | 'county';

export type ParsedAgency = {
  /** City without 市 (上海), null when the name does not say. */
  city: string | null;
  /** District or county stem without 区 / 县 (嘉定, 滨海新), null for a city-level body. */
  district: string | null;
  /** The organ: 公安局, 人民政府, 司法局…; a 分局 is a branch of 公安局. */
  organ: string;
  level: AgencyLevel;
  /** No place name at all (区公安局): resolvable only through the site's own agencies. */
  bare: boolean;
};

const HAN = '[\\u4e00-\\u9fff]';
const ORGAN = /(局|人民政府|政府|委员会|办公室|厅|院)$/;

/** Whitespace removed, NFKC (full-width letters and digits to ASCII), brackets dropped. */
export function cleanAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[()（）【】[\]“”"']/g, '');
}

const stem = (place: string): string => (place.length > 2 && /[区县]$/.test(place) ? place.slice(0, -1) : place);

const PROVINCE = new RegExp(`^${HAN}{2,7}?(省|自治区)(?=${HAN}{2,}市)`);
const BRANCH_OF_CITY = new RegExp(`^(?:(${HAN}{2,5}?)市)?公安局(${HAN}{2,6}?)分局$`);
const PUBLIC_SECURITY_BRANCH = new RegExp(`^(?:(${HAN}{2,5}?)市)?(${HAN}{2,6}?)公安分局$`);
const BARE_BRANCH = new RegExp(`^(${HAN}{2,6}?)分局$`);
const LOCAL = new RegExp(`^(?:(${HAN}{2,5}?)市)?(${HAN}{1,6}?)(区|县)(${HAN}{2,14})$`);
const CITY = new RegExp(`^(${HAN}{2,5}?)市(${HAN}{2,14})$`);
const BARE = new RegExp(`^(市|区|县)(${HAN}{2,14})$`);

/** Parse a name into its identity parts; null when it is no agency name these rules know. */
export function parseAgencyName(name: string): ParsedAgency | null {
  const n = cleanAgencyName(name).replace(PROVINCE, '');
  let m = BRANCH_OF_CITY.exec(n) ?? PUBLIC_SECURITY_BRANCH.exec(n);
  if (m?.[2]) return { city: m[1] ?? null, district: stem(m[2]), organ: '公安局', level: 'district', bare: false };
  m = BARE_BRANCH.exec(n);
  if (m?.[1] && !m[1].endsWith('市') && !m[1].includes('公安局')) {
    return { city: null, district: stem(m[1]), organ: '公安局', level: 'district', bare: false };
  }
  m = BARE.exec(n);
  if (m?.[2] && ORGAN.test(m[2])) {
    return {
      city: null,
      district: null,
      organ: m[2],
      level: m[1] === '市' ? 'city' : m[1] === '县' ? 'county' : 'district',
      bare: true,
    };
  }
  m = LOCAL.exec(n);
  if (m?.[2] && m[4] && ORGAN.test(m[4]) && !m[2].endsWith('市')) {
    return {
      city: m[1] ?? null,
      district: m[2],
      organ: m[4],
      level: m[3] === '县' ? 'county' : 'district',
      bare: false,
    };
  }
  m = CITY.exec(n);
  if (m?.[1] && m[2] && ORGAN.test(m[2]))
    return { city: m[1], district: null, organ: m[2], level: 'city', bare: false };
  return null;
}

/** The identity key: organ|city|district, city `?` when unknown (then it matches only itself). */
export function agencyKey(p: ParsedAgency): string {
  return `${p.organ}|${p.city ?? '?'}|${p.district ?? ''}`;
}

/** An agency a site publishes for, as the resolver sees it. */
export type KnownAgency = { key: string; level: AgencyLevel };

export type Resolution =
  | { kind: 'known'; key: string; parsed: ParsedAgency }
  | { kind: 'new'; key: string; parsed: ParsedAgency }
  | { kind: 'unresolved'; reason: string };

const cityOfKey = (key: string) => key.split('|')[1] ?? '?';

/** The one city a site's agencies share (or its name states), else null. */
export function siteCity(siteAgencies: KnownAgency[], siteName?: string): string | null {
  const cities = new Set(siteAgencies.map((a) => cityOfKey(a.key)).filter((c) => c !== '?'));
  if (cities.size === 1) return [...cities][0] ?? null;
  if (cities.size > 1) return null;
  const fromName = siteName ? parseAgencyName(siteName) : null;
  return fromName?.city ?? null;
}

/**
 * Which agency a name on a site's report stands for: one the site already publishes for, or a
 * new identity (to be created and listed for review), or none when the name cannot say.
 */
export function resolveAgencyName(name: string, siteAgencies: KnownAgency[], siteName?: string): Resolution {
  const parsed = parseAgencyName(name);
  if (!parsed) return { kind: 'unresolved', reason: `not an agency name these rules know: ${name}` };
  const known = new Set(siteAgencies.map((a) => a.key));
  if (parsed.bare) {
    const same = siteAgencies.filter((a) => a.key.startsWith(`${parsed.organ}|`) && a.level === parsed.level);
    if (same.length === 1 && same[0]) return { kind: 'known', key: same[0].key, parsed };
    return {
      kind: 'unresolved',
      reason: `${name} names no place and the site publishes for ${same.length} such agencies`,
    };
  }
  const withCity = parsed.city === null ? { ...parsed, city: siteCity(siteAgencies, siteName) } : parsed;
  const key = agencyKey(withCity);
  return { kind: known.has(key) ? 'known' : 'new', key, parsed: withCity };
}
