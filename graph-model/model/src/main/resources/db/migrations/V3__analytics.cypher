// Analytics: the nodes a refresh writes have business keys, and GraphQL filters and sorts customers by
// their metrics, segment and churn risk.
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (k:Community) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT market_id IF NOT EXISTS FOR (m:Market) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT churn_model_version IF NOT EXISTS FOR (m:ChurnModel) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT analytics_run_id IF NOT EXISTS FOR (r:AnalyticsRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX customer_monetary IF NOT EXISTS FOR (c:Customer) ON (c.monetary);
CREATE INDEX customer_churn_risk IF NOT EXISTS FOR (c:Customer) ON (c.churnRisk);
CREATE INDEX customer_lifetime_value IF NOT EXISTS FOR (c:Customer) ON (c.lifetimeValue);
