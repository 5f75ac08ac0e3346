-- The pivot query reads year (partition filter), measure_name and the figures: with all of them in
-- the index it is answered by an index-only scan (bench/analytics: a province total over 60 months
-- 317 → 215 ms p50 on 10 million facts). Same name and key columns, so the Drizzle schema is unchanged.
DROP INDEX IF EXISTS "fact_value_query_idx";
--> statement-breakpoint
CREATE INDEX "fact_value_query_idx" ON "fact_value" USING btree ("indicator_code","period_type","period_code","unit_id") INCLUDE ("year","measure","measure_name","disaggregation","value","weight") WHERE "fact_value"."superseded_at" is null;
