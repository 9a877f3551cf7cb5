-- CreateIndex
-- Deleting a delivery (its message past MESSAGE_RETENTION_DAYS, its endpoint, its application)
-- cascades to its attempts, which PostgreSQL finds by "deliveryId": without this index, one scan
-- of the whole attempt table per delivery.
CREATE INDEX "MessageAttempt_deliveryId_idx" ON "MessageAttempt"("deliveryId");
