// src/main.ts
import { runServiceProcess } from "@govwatch/pipeline";
await runServiceProcess({ name: "crawler", stages: ["crawl"] });
//# sourceMappingURL=main.js.map
