-- AlterTable
ALTER TABLE "EventType" ADD COLUMN     "thinPayload" BOOLEAN NOT NULL DEFAULT false;
