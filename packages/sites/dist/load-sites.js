// src/load-sites.ts
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { Site, SiteFile } from "./site-schema.js";
var SiteFileError = class extends Error {
};
function parseSites(text, file) {
  let doc;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SiteFileError(`${file}: not valid YAML: ${err.message.split("\n")[0]}`);
  }
  const top = SiteFile.safeParse(doc);
  if (!top.success) {
    throw new SiteFileError(`${file}: expected a top-level "sites:" list (${top.error.issues[0]?.message})`);
  }
  const sites = [];
  const seen = /* @__PURE__ */ new Set();
  top.data.sites.forEach((raw, index) => {
    const id = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : `#${index + 1}`;
    const result = Site.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join(".") || (issue?.code === "unrecognized_keys" ? issue.keys.join(", ") : "(site)");
      const what = issue?.code === "unrecognized_keys" ? `unknown key(s) ${issue.keys.join(", ")}` : issue?.message;
      throw new SiteFileError(`${file}: site ${id}: field ${field}: ${what}`);
    }
    if (seen.has(result.data.id)) throw new SiteFileError(`${file}: site ${id}: field id: duplicate id`);
    seen.add(result.data.id);
    for (const key of ["reportLinkPattern", "listLinkPattern"]) {
      const pattern = result.data[key];
      if (pattern === void 0) continue;
      try {
        new RegExp(pattern);
      } catch {
        throw new SiteFileError(`${file}: site ${id}: field ${key}: not a valid regular expression`);
      }
    }
    sites.push(result.data);
  });
  return sites;
}
function loadSites(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new SiteFileError(`${file}: cannot read site file (${err.code ?? err})`);
  }
  return parseSites(text, file);
}
function findSite(sites, id, file) {
  const site = sites.find((s) => s.id === id);
  if (!site) throw new SiteFileError(`${file}: no site with id ${id} (known: ${sites.map((s) => s.id).join(", ")})`);
  return site;
}
export {
  SiteFileError,
  findSite,
  loadSites,
  parseSites
};
//# sourceMappingURL=load-sites.js.map
