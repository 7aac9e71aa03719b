// src/agency-name.ts
var HAN = "[\\u4e00-\\u9fff]";
var ORGAN = /(局|人民政府|政府|委员会|办公室|厅|院)$/;
function cleanAgencyName(name) {
  return name.normalize("NFKC").replace(/\s+/g, "").replace(/[()（）【】[\]“”"']/g, "");
}
var stem = (place) => place.length > 2 && /[区县]$/.test(place) ? place.slice(0, -1) : place;
var PROVINCE = new RegExp(`^${HAN}{2,7}?(\u7701|\u81EA\u6CBB\u533A)(?=${HAN}{2,}\u5E02)`);
var BRANCH_OF_CITY = new RegExp(`^(?:(${HAN}{2,5}?)\u5E02)?\u516C\u5B89\u5C40(${HAN}{2,6}?)\u5206\u5C40$`);
var PUBLIC_SECURITY_BRANCH = new RegExp(`^(?:(${HAN}{2,5}?)\u5E02)?(${HAN}{2,6}?)\u516C\u5B89\u5206\u5C40$`);
var BARE_BRANCH = new RegExp(`^(${HAN}{2,6}?)\u5206\u5C40$`);
var LOCAL = new RegExp(`^(?:(${HAN}{2,5}?)\u5E02)?(${HAN}{1,6}?)(\u533A|\u53BF)(${HAN}{2,14})$`);
var CITY = new RegExp(`^(${HAN}{2,5}?)\u5E02(${HAN}{2,14})$`);
var BARE = new RegExp(`^(\u5E02|\u533A|\u53BF)(${HAN}{2,14})$`);
function parseAgencyName(name) {
  const n = cleanAgencyName(name).replace(PROVINCE, "");
  let m = BRANCH_OF_CITY.exec(n) ?? PUBLIC_SECURITY_BRANCH.exec(n);
  if (m?.[2]) return { city: m[1] ?? null, district: stem(m[2]), organ: "\u516C\u5B89\u5C40", level: "district", bare: false };
  m = BARE_BRANCH.exec(n);
  if (m?.[1] && !m[1].endsWith("\u5E02") && !m[1].includes("\u516C\u5B89\u5C40")) {
    return { city: null, district: stem(m[1]), organ: "\u516C\u5B89\u5C40", level: "district", bare: false };
  }
  m = BARE.exec(n);
  if (m?.[2] && ORGAN.test(m[2])) {
    return { city: null, district: null, organ: m[2], level: m[1] === "\u5E02" ? "city" : m[1] === "\u53BF" ? "county" : "district", bare: true };
  }
  m = LOCAL.exec(n);
  if (m?.[2] && m[4] && ORGAN.test(m[4]) && !m[2].endsWith("\u5E02")) {
    return { city: m[1] ?? null, district: m[2], organ: m[4], level: m[3] === "\u53BF" ? "county" : "district", bare: false };
  }
  m = CITY.exec(n);
  if (m?.[1] && m[2] && ORGAN.test(m[2])) return { city: m[1], district: null, organ: m[2], level: "city", bare: false };
  return null;
}
function agencyKey(p) {
  return `${p.organ}|${p.city ?? "?"}|${p.district ?? ""}`;
}
var cityOfKey = (key) => key.split("|")[1] ?? "?";
function siteCity(siteAgencies, siteName) {
  const cities = new Set(siteAgencies.map((a) => cityOfKey(a.key)).filter((c) => c !== "?"));
  if (cities.size === 1) return [...cities][0] ?? null;
  if (cities.size > 1) return null;
  const fromName = siteName ? parseAgencyName(siteName) : null;
  return fromName?.city ?? null;
}
function resolveAgencyName(name, siteAgencies, siteName) {
  const parsed = parseAgencyName(name);
  if (!parsed) return { kind: "unresolved", reason: `not an agency name these rules know: ${name}` };
  const known = new Set(siteAgencies.map((a) => a.key));
  if (parsed.bare) {
    const same = siteAgencies.filter((a) => a.key.startsWith(`${parsed.organ}|`) && a.level === parsed.level);
    if (same.length === 1 && same[0]) return { kind: "known", key: same[0].key, parsed };
    return { kind: "unresolved", reason: `${name} names no place and the site publishes for ${same.length} such agencies` };
  }
  const withCity = parsed.city === null ? { ...parsed, city: siteCity(siteAgencies, siteName) } : parsed;
  const key = agencyKey(withCity);
  return { kind: known.has(key) ? "known" : "new", key, parsed: withCity };
}
export {
  agencyKey,
  cleanAgencyName,
  parseAgencyName,
  resolveAgencyName,
  siteCity
};
//# sourceMappingURL=agency-name.js.map
