-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "traceParent" TEXT;
