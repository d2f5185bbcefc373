// Leases: one-at-a-time jobs (analytics refresh, classifier training, imports) across every service instance
// that shares this database. One node per job name, holding its current owner and expiry.
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE;
