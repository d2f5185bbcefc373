// Knowledge gaps the watch found (groups of weakly answered questions), linked to their questions.
CREATE CONSTRAINT knowledge_gap_id IF NOT EXISTS FOR (g:KnowledgeGap) REQUIRE g.id IS UNIQUE;
CREATE INDEX knowledge_gap_last_asked IF NOT EXISTS FOR (g:KnowledgeGap) ON (g.lastAskedAt);
// one watch node: instances take turns on its lock (without the constraint, two first MERGEs could make two)
CREATE CONSTRAINT knowledge_gap_watch_name IF NOT EXISTS FOR (w:KnowledgeGapWatch) REQUIRE w.name IS UNIQUE;
