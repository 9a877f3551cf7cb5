-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "svixHeaders" BOOLEAN NOT NULL DEFAULT false;
