-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "throttleNextAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "reservedSlotAt" TIMESTAMP(3);
