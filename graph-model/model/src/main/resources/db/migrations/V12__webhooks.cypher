// Webhooks and their delivery queue, and the cursor that marks how far the change log was turned into deliveries.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (w:Webhook) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT change_log_cursor_name IF NOT EXISTS FOR (c:ChangeLogCursor) REQUIRE c.name IS UNIQUE;
CREATE INDEX webhook_delivery_due IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status, d.nextAttemptAt);
CREATE INDEX webhook_delivery_entity IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.webhookId, d.entityId, d.status);
