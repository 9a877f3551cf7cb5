-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "polling" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PollerConsumer" (
    "endpointId" TEXT NOT NULL,
    "consumerId" TEXT NOT NULL,
    "iterator" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PollerConsumer_pkey" PRIMARY KEY ("endpointId","consumerId")
);
