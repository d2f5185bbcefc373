// Chinese text is embedded by its own model (bge-small-zh-v1.5, 512 dimensions) into its own property, searched
// through its own indexes: vectors of two models are not comparable.
CYPHER 25 CREATE VECTOR INDEX ticket_embedding_zh IF NOT EXISTS FOR (t:Ticket) ON (t.embeddingZh) WITH [t.answerable]
  OPTIONS {indexConfig: {`vector.dimensions`: 512, `vector.similarity_function`: 'cosine'}};
CYPHER 25 CREATE VECTOR INDEX article_embedding_zh IF NOT EXISTS FOR (a:Article) ON (a.embeddingZh)
  OPTIONS {indexConfig: {`vector.dimensions`: 512, `vector.similarity_function`: 'cosine'}};
// Hybrid retrieval: words the embedding model has never seen (product codes, error numbers) are found by full text.
// No stop words: "A-100" or "error 42" must not lose a part.
CREATE FULLTEXT INDEX article_text IF NOT EXISTS FOR (a:Article) ON EACH [a.title, a.body]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX ticket_text IF NOT EXISTS FOR (t:Ticket) ON EACH [t.subject, t.body, t.resolution]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// Sentiment: the trained models' versions, and tickets filtered by sentiment newest first.
CREATE CONSTRAINT sentiment_model_version IF NOT EXISTS FOR (m:SentimentModel) REQUIRE m.version IS UNIQUE;
CREATE INDEX ticket_sentiment IF NOT EXISTS FOR (t:Ticket) ON (t.sentiment, t.createdAt);
