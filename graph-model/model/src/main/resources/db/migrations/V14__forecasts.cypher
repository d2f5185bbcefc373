// Forecasts the analytics refresh writes for analysts: one node per level, key, measure and granularity.
CREATE CONSTRAINT forecast_id IF NOT EXISTS FOR (f:Forecast) REQUIRE f.id IS UNIQUE;
