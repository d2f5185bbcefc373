// Only answer sources are searched by their words, so only they are in the full-text index: a new ticket no longer
// refreshes a Lucene searcher in its commit (a quarter of the database workers' time at 50 new tickets a second).
// The embedding pass, which decides what is answerable, gives them the label in its batched writes.
DROP INDEX ticket_text IF EXISTS;
CREATE FULLTEXT INDEX answerable_ticket_text IF NOT EXISTS
  FOR (t:AnswerableTicket) ON EACH [t.subject, t.body, t.resolution]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
MATCH (t:Ticket) WHERE t.answerable = true SET t:AnswerableTicket;
CALL db.awaitIndex('answerable_ticket_text', 600);
