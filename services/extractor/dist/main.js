// src/main.ts
import { runServiceProcess } from "@govwatch/pipeline";
await runServiceProcess({ name: "extractor", stages: ["extract"] });
//# sourceMappingURL=main.js.map
