// Support answers: sentence embeddings (all-MiniLM-L6-v2, 384 dimensions) of tickets, articles and rated
// questions, searched by cosine similarity. The ticket index carries `answerable` (resolved, with a resolution)
// so the answer search filters inside the index instead of after it.
CYPHER 25 CREATE VECTOR INDEX ticket_embedding IF NOT EXISTS FOR (t:Ticket) ON (t.embedding) WITH [t.answerable]
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CYPHER 25 CREATE VECTOR INDEX article_embedding IF NOT EXISTS FOR (a:Article) ON (a.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
// Only questions that got feedback are searched (for their votes): a label on them keeps that index small.
CYPHER 25 CREATE VECTOR INDEX rated_query_embedding IF NOT EXISTS FOR (q:RatedQuery) ON (q.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE CONSTRAINT support_query_id IF NOT EXISTS FOR (q:SupportQuery) REQUIRE q.id IS UNIQUE;
CREATE CONSTRAINT ticket_classifier_version IF NOT EXISTS FOR (m:TicketClassifier) REQUIRE m.version IS UNIQUE;
CREATE INDEX support_query_asked IF NOT EXISTS FOR (q:SupportQuery) ON (q.askedAt);
