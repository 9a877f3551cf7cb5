-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "batchMaxSize" INTEGER,
ADD COLUMN     "batchMaxWaitMs" INTEGER NOT NULL DEFAULT 1000;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "batchId" TEXT;

-- AlterTable
ALTER TABLE "MessageAttempt" ADD COLUMN     "batchId" TEXT;
