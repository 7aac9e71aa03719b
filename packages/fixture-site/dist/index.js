// src/index.ts
import { startFixtureSite } from "./server.js";
import { startBigSite } from "./big-site.js";
export {
  startBigSite,
  startFixtureSite
};
//# sourceMappingURL=index.js.map
