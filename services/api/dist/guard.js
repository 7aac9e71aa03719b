// src/guard.ts
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors.js";
var LOOPBACK = ["localhost", "127.0.0.1", "[::1]", "::1"];
function allowedHostNames(api) {
  const names = /* @__PURE__ */ new Set([...LOOPBACK, ...api.allowedHosts]);
  if (!["0.0.0.0", "::", ""].includes(api.host)) names.add(api.host.toLowerCase());
  return names;
}
function hostName(header) {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.split(":")[0] ?? "";
}
var sameSecret = (given, secret) => {
  if (!secret) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};
var bearer = (req) => {
  const h = req.headers.authorization ?? "";
  return h.startsWith("Bearer ") ? h.slice(7).trim() : "";
};
function installGuard(app, api) {
  const hosts = allowedHostNames(api);
  app.addHook("onRequest", async (req) => {
    const host = req.headers.host ?? "";
    if (!hosts.has(hostName(host)) && !hosts.has(host.toLowerCase())) {
      throw new ApiError(421, "host_not_allowed", `this API does not answer to Host ${JSON.stringify(host)}; add it to GOVWATCH_API_ALLOWED_HOSTS`);
    }
    const access = req.routeOptions.config.access ?? "read";
    if (access === "open") return;
    const token = bearer(req);
    if (access === "write") {
      if (req.headers["sec-fetch-site"] === "cross-site") throw new ApiError(403, "cross_site", "cross-site requests cannot change anything");
      if (!api.token) throw new ApiError(401, "writes_disabled", "writes are disabled: GOVWATCH_API_TOKEN is not set on the server");
      if (!sameSecret(token, api.token)) throw new ApiError(401, "unauthorized", "send Authorization: Bearer <GOVWATCH_API_TOKEN>");
      return;
    }
    if (api.readToken && !sameSecret(token, api.readToken) && !sameSecret(token, api.token)) {
      throw new ApiError(401, "unauthorized", "send Authorization: Bearer <GOVWATCH_API_READ_TOKEN>");
    }
  });
}
export {
  allowedHostNames,
  hostName,
  installGuard
};
//# sourceMappingURL=guard.js.map
