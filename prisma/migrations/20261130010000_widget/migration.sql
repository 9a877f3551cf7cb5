-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "widgetAllowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "widgetTheme" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "AppPortalToken" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "capabilities" TEXT[],
    "featureFlags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppPortalToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppPortalToken_tokenHash_key" ON "AppPortalToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AppPortalToken_applicationId_expiresAt_idx" ON "AppPortalToken"("applicationId", "expiresAt");

-- AddForeignKey
ALTER TABLE "AppPortalToken" ADD CONSTRAINT "AppPortalToken_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
