// src/generated/prisma/commonInputTypes.ts
import "./enums.js";
//# sourceMappingURL=commonInputTypes.js.map
