// src/load-sites.ts
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { Site, SiteFile } from "./site-schema.js";
var SiteFileError = class extends Error {
  constructor(problems) {
    super(problems.length === 1 ? problems[0] : `${problems.length} errors in the site file:
  ${problems.join("\n  ")}`);
    this.problems = problems;
  }
  problems;
  name = "SiteFileError";
};
function parseSites(text, file) {
  let doc;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SiteFileError([`${file}: not valid YAML: ${err.message.split("\n")[0]}`]);
  }
  const top = SiteFile.safeParse(doc);
  if (!top.success) {
    throw new SiteFileError([`${file}: expected a top-level "sites:" list (${top.error.issues[0]?.message})`]);
  }
  const sites = [];
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  top.data.sites.forEach((raw, index) => {
    const id = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : `#${index + 1}`;
    const at = `${file}: site ${id}`;
    const result = Site.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") problems.push(`${at}: field ${issue.keys.join(", ")}: unknown key(s) ${issue.keys.join(", ")}`);
        else problems.push(`${at}: field ${issue.path.join(".") || "(site)"}: ${issue.message}`);
      }
    }
    const patterns = result.success ? result.data : raw;
    for (const key of ["reportLinkPattern", "listLinkPattern"]) {
      const pattern = patterns?.[key];
      if (typeof pattern !== "string") continue;
      try {
        new RegExp(pattern);
      } catch {
        problems.push(`${at}: field ${key}: not a valid regular expression`);
      }
    }
    if (!id.startsWith("#")) {
      if (seen.has(id)) problems.push(`${at}: field id: duplicate id`);
      seen.add(id);
    }
    if (result.success) sites.push(result.data);
  });
  if (problems.length > 0) throw new SiteFileError(problems);
  return sites;
}
function loadSites(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new SiteFileError([`${file}: cannot read site file (${err.code ?? err})`]);
  }
  return parseSites(text, file);
}
function findSite(sites, id, file) {
  const site = sites.find((s) => s.id === id);
  if (!site) throw new SiteFileError([`${file}: no site with id ${id} (known: ${sites.map((s) => s.id).join(", ")})`]);
  return site;
}
export {
  SiteFileError,
  findSite,
  loadSites,
  parseSites
};
//# sourceMappingURL=load-sites.js.map
