// The change log (transactional outbox): gap-free positions from one sequence node, events read by position.
CREATE CONSTRAINT outbox_sequence_name IF NOT EXISTS FOR (s:OutboxSequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT change_event_position IF NOT EXISTS FOR (e:ChangeEvent) REQUIRE e.position IS UNIQUE;
CREATE INDEX change_event_at IF NOT EXISTS FOR (e:ChangeEvent) ON (e.at);
