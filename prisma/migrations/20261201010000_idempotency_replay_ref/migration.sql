-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN "replayRef" TEXT;
