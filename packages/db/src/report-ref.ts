// A report named the way a user has it at hand: its id, or a URL it was seen at.
import { canonicalUrl } from '@govwatch/core';
import type { PrismaClient } from './generated/prisma/client.ts';

/** The id of the report `ref` names (an id, or any URL the report was seen at), or null. */
export async function resolveReportRef(prisma: PrismaClient, ref: string): Promise<string | null> {
  if (!/^https?:\/\//i.test(ref)) {
    const byId = await prisma.report.findUnique({ where: { id: ref }, select: { id: true } });
    return byId?.id ?? null;
  }
  let canonical = ref;
  try {
    canonical = canonicalUrl(ref);
  } catch {
    // not a URL we can canonicalize: look it up as written
  }
  const byCanonical = await prisma.report.findFirst({
    where: { canonicalUrl: { in: [canonical, ref] } },
    select: { id: true },
  });
  if (byCanonical) return byCanonical.id;
  const byAlias = await prisma.reportUrl.findFirst({
    where: { url: { in: [canonical, ref] } },
    select: { reportId: true },
  });
  return byAlias?.reportId ?? null;
}
