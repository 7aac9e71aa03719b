// src/process-entry.ts
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
function isProcessEntry(moduleUrl) {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
export {
  isProcessEntry
};
//# sourceMappingURL=process-entry.js.map
