// src/main.ts
import { runServiceProcess } from "@govwatch/pipeline";
await runServiceProcess({ name: "store", stages: ["store"], relay: true });
//# sourceMappingURL=main.js.map
