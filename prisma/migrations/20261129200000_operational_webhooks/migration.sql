-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;
