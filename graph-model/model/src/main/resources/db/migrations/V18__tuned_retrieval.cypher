// A fine-tuned encoder that retrieves better than the frozen one is searched through its own embeddings of tickets
// and articles: vectors of two encoders are not comparable, so they live in their own property and indexes.
CYPHER 25 CREATE VECTOR INDEX ticket_embedding_tuned IF NOT EXISTS FOR (t:Ticket) ON (t.tunedEmbedding) WITH [t.answerable]
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CYPHER 25 CREATE VECTOR INDEX article_embedding_tuned IF NOT EXISTS FOR (a:Article) ON (a.tunedEmbedding)
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
// Fine-tuned encoders, numbered like the other models, and their weights read by version.
CREATE CONSTRAINT text_encoder_version IF NOT EXISTS FOR (e:TextEncoder) REQUIRE e.version IS UNIQUE;
CREATE INDEX text_encoder_part IF NOT EXISTS FOR (p:TextEncoderPart) ON (p.encoder);
