-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'canceled';

-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "transformationCode" TEXT,
ADD COLUMN     "transformationEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "transformationUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "transformationVariables" JSONB;
