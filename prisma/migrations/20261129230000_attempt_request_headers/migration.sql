ALTER TABLE "MessageAttempt" ADD COLUMN "requestHeaders" JSONB;
