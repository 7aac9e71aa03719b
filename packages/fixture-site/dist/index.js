// src/index.ts
import { startFixtureSite } from "./server.js";
export {
  startFixtureSite
};
//# sourceMappingURL=index.js.map
