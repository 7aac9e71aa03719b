// src/logger.ts
import { createRequire } from "node:module";
import { pino } from "pino";
var REDACT = ["*.authorization", "*.cookie", "*.token", "headers.authorization", "headers.cookie"];
function createLogger(level = "info", name = "govwatch") {
  return pino({ name, level, redact: REDACT }, process.stderr.isTTY ? prettyStderr() : pino.destination(2));
}
function prettyStderr() {
  const pretty = createRequire(import.meta.url)("pino-pretty");
  return pretty({ destination: 2, colorize: true, sync: true, ignore: "pid,hostname" });
}
export {
  createLogger
};
//# sourceMappingURL=logger.js.map
