-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "contentType" TEXT,
ADD COLUMN     "deliverAt" TIMESTAMPTZ(3),
ADD COLUMN     "payloadRetentionHours" INTEGER,
ADD COLUMN     "rawPayload" TEXT;
