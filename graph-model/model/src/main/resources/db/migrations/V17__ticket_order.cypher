// Ticket pages newest first are read in index order from the cursor on, instead of sorting every ticket the filter
// matches: the common filter gets a composite index that gives both the equality and the order.
CREATE INDEX ticket_status_created IF NOT EXISTS FOR (t:Ticket) ON (t.status, t.createdAt);
