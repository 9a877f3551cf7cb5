-- CreateTable
CREATE TABLE "Relay" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT 'default',
    "token" TEXT NOT NULL,
    "listenerSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Relay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelayExchange" (
    "id" TEXT NOT NULL,
    "relayId" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "response" JSONB,
    "claimedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayExchange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Relay_token_key" ON "Relay"("token");

-- CreateIndex
CREATE INDEX "Relay_tenantId_idx" ON "Relay"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Relay_applicationId_name_key" ON "Relay"("applicationId", "name");

-- CreateIndex
CREATE INDEX "RelayExchange_relayId_idx" ON "RelayExchange"("relayId");

-- CreateIndex
CREATE INDEX "RelayExchange_createdAt_idx" ON "RelayExchange"("createdAt");

-- AddForeignKey
ALTER TABLE "Relay" ADD CONSTRAINT "Relay_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayExchange" ADD CONSTRAINT "RelayExchange_relayId_fkey" FOREIGN KEY ("relayId") REFERENCES "Relay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relay" ADD CONSTRAINT "Relay_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
