// Responses to mutations sent with an Idempotency-Key, kept for replays of retried requests.
CREATE CONSTRAINT idempotent_response_key IF NOT EXISTS FOR (r:IdempotentResponse) REQUIRE r.key IS UNIQUE;
CREATE INDEX idempotent_response_expiry IF NOT EXISTS FOR (r:IdempotentResponse) ON (r.expiresAt);
