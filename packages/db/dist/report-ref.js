// src/report-ref.ts
import { canonicalUrl } from "@govwatch/core";
async function resolveReportRef(prisma, ref) {
  if (!/^https?:\/\//i.test(ref)) {
    const byId = await prisma.report.findUnique({ where: { id: ref }, select: { id: true } });
    return byId?.id ?? null;
  }
  let canonical = ref;
  try {
    canonical = canonicalUrl(ref);
  } catch {
  }
  const byCanonical = await prisma.report.findFirst({ where: { canonicalUrl: { in: [canonical, ref] } }, select: { id: true } });
  if (byCanonical) return byCanonical.id;
  const byAlias = await prisma.reportUrl.findFirst({ where: { url: { in: [canonical, ref] } }, select: { reportId: true } });
  return byAlias?.reportId ?? null;
}
export {
  resolveReportRef
};
//# sourceMappingURL=report-ref.js.map
