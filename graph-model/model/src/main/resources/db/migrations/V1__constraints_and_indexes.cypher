// Business keys: one node per key, and the index every MERGE and lookup uses.
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (c:Customer) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT customer_email IF NOT EXISTS FOR (c:Customer) REQUIRE c.email IS UNIQUE;
CREATE CONSTRAINT product_sku IF NOT EXISTS FOR (p:Product) REQUIRE p.sku IS UNIQUE;
CREATE CONSTRAINT category_name IF NOT EXISTS FOR (c:Category) REQUIRE c.name IS UNIQUE;
CREATE CONSTRAINT order_id IF NOT EXISTS FOR (o:Order) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT ticket_id IF NOT EXISTS FOR (t:Ticket) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (i:Interaction) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT source_record_key IF NOT EXISTS FOR (s:SourceRecord) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__CrmMigration) REQUIRE m.version IS UNIQUE;

// What the API filters and sorts on.
CREATE INDEX customer_name IF NOT EXISTS FOR (c:Customer) ON (c.name);
CREATE INDEX customer_country IF NOT EXISTS FOR (c:Customer) ON (c.country);
CREATE INDEX customer_created IF NOT EXISTS FOR (c:Customer) ON (c.createdAt);
CREATE TEXT INDEX customer_name_text IF NOT EXISTS FOR (c:Customer) ON (c.name);
CREATE TEXT INDEX customer_email_text IF NOT EXISTS FOR (c:Customer) ON (c.email);
CREATE INDEX product_name IF NOT EXISTS FOR (p:Product) ON (p.name);
CREATE INDEX product_price IF NOT EXISTS FOR (p:Product) ON (p.price);
CREATE INDEX order_placed IF NOT EXISTS FOR (o:Order) ON (o.placedAt);
CREATE INDEX ticket_status IF NOT EXISTS FOR (t:Ticket) ON (t.status);
CREATE INDEX ticket_priority IF NOT EXISTS FOR (t:Ticket) ON (t.priority);
CREATE INDEX ticket_channel IF NOT EXISTS FOR (t:Ticket) ON (t.channel);
CREATE INDEX ticket_created IF NOT EXISTS FOR (t:Ticket) ON (t.createdAt);
CREATE INDEX article_created IF NOT EXISTS FOR (a:Article) ON (a.createdAt);
CREATE INDEX interaction_occurred IF NOT EXISTS FOR (i:Interaction) ON (i.occurredAt);
CREATE INDEX interaction_channel IF NOT EXISTS FOR (i:Interaction) ON (i.channel);
