// Bulk import: identity resolution looks customers up by phone, cancellations are their own nodes,
// and jobs are listed newest first.
CREATE INDEX customer_phone IF NOT EXISTS FOR (c:Customer) ON (c.phone);
CREATE CONSTRAINT cancellation_id IF NOT EXISTS FOR (x:Cancellation) REQUIRE x.id IS UNIQUE;
CREATE INDEX cancellation_cancelled IF NOT EXISTS FOR (x:Cancellation) ON (x.cancelledAt);
CREATE INDEX source_record_source IF NOT EXISTS FOR (s:SourceRecord) ON (s.source);
CREATE INDEX import_job_started IF NOT EXISTS FOR (j:ImportJob) ON (j.startedAt);
