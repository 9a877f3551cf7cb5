-- CreateTable
CREATE TABLE "EndpointHourlyStat" (
    "endpointId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "p50" INTEGER,
    "p95" INTEGER,
    "statusCodes" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "EndpointHourlyStat_pkey" PRIMARY KEY ("endpointId","hour")
);

-- CreateIndex
CREATE INDEX "EndpointHourlyStat_tenantId_hour_idx" ON "EndpointHourlyStat"("tenantId", "hour");

-- AddForeignKey
ALTER TABLE "EndpointHourlyStat" ADD CONSTRAINT "EndpointHourlyStat_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "EndpointHourlyStat_hour_idx" ON "EndpointHourlyStat"("hour");
