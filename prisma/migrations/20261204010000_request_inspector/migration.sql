-- CreateTable
CREATE TABLE "Inspector" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "token" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL DEFAULT 200,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Inspector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectorRequest" (
    "id" TEXT NOT NULL,
    "inspectorId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "bodyEncoding" TEXT NOT NULL DEFAULT 'utf8',
    "clientAddress" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Inspector_token_key" ON "Inspector"("token");

-- CreateIndex
CREATE INDEX "Inspector_tenantId_id_idx" ON "Inspector"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Inspector_expiresAt_idx" ON "Inspector"("expiresAt");

-- CreateIndex
CREATE INDEX "InspectorRequest_inspectorId_id_idx" ON "InspectorRequest"("inspectorId", "id");

-- AddForeignKey
ALTER TABLE "Inspector" ADD CONSTRAINT "Inspector_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorRequest" ADD CONSTRAINT "InspectorRequest_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "Inspector"("id") ON DELETE CASCADE ON UPDATE CASCADE;
