-- Publication watch (issue 14): agencies as records, reports linked to them, one row per deadline
-- event sent (report.overdue / report.found_late). An overdue event has no report, so Event.reportId
-- becomes nullable. Written from the output of prisma migrate diff (from the previous schema).
-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "agencyId" TEXT;

-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "reportId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "level" TEXT NOT NULL,
    "siteIds" TEXT[],
    "declared" BOOLEAN NOT NULL DEFAULT false,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchNotice" (
    "agencyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reportId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchNotice_pkey" PRIMARY KEY ("agencyId","year","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_key_key" ON "Agency"("key");

-- CreateIndex
CREATE INDEX "Report_agencyId_reportYear_idx" ON "Report"("agencyId", "reportYear");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchNotice" ADD CONSTRAINT "WatchNotice_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

