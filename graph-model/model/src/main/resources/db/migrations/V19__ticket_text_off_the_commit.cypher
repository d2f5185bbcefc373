// Opening or changing a ticket must not wait for its full-text index: refreshing the Lucene searcher in the commit
// took a quarter of the time of the database workers at 50 new tickets a second. Eventually consistent, the index takes
// its changes on a background thread of Neo4j a few milliseconds later, in batches. Answers from a ticket already
// wait for its embedding, written in the background too; the embedding pass waits for this index before it ends.
DROP INDEX ticket_text IF EXISTS;
CREATE FULLTEXT INDEX ticket_text IF NOT EXISTS FOR (t:Ticket) ON EACH [t.subject, t.body, t.resolution]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true}};
CALL db.awaitIndex('ticket_text', 600);
