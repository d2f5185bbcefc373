// Probabilistic identity resolution: blocks (hashed keys, no personal values) that find candidate pairs, the review
// queue of duplicate candidates, and the estimated match model.
CREATE CONSTRAINT match_block_key IF NOT EXISTS FOR (b:MatchBlock) REQUIRE b.key IS UNIQUE;
CREATE CONSTRAINT duplicate_candidate_id IF NOT EXISTS FOR (d:DuplicateCandidate) REQUIRE d.id IS UNIQUE;
CREATE INDEX duplicate_candidate_status IF NOT EXISTS FOR (d:DuplicateCandidate) ON (d.status, d.probability);
CREATE CONSTRAINT match_model_id IF NOT EXISTS FOR (m:MatchModel) REQUIRE m.id IS UNIQUE;
