CREATE TABLE "analytics_view" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"query" jsonb NOT NULL,
	"display" jsonb NOT NULL,
	"sharing" text DEFAULT 'private' NOT NULL,
	"owner_id" uuid NOT NULL,
	"owner_unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analytics_view_sharing" CHECK ("analytics_view"."sharing" in ('private', 'unit', 'all'))
);
--> statement-breakpoint
CREATE TABLE "dashboard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit_id" uuid NOT NULL,
	"tiles" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_value" (
	"id" bigserial NOT NULL,
	"year" smallint NOT NULL,
	"period_type" text NOT NULL,
	"period_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"regime_id" uuid,
	"regime_period_id" uuid,
	"unit_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"disaggregation" text DEFAULT '' NOT NULL,
	"measure" text NOT NULL,
	"measure_name" text NOT NULL,
	"unit_of_measure" text,
	"value" numeric NOT NULL,
	"weight" numeric,
	"source_kind" text NOT NULL,
	"report_id" uuid,
	"report_version_id" uuid,
	"version_no" integer,
	"form_version_id" uuid,
	"row_code" text,
	"source_note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_version_id" uuid,
	CONSTRAINT "fact_value_year_id_pk" PRIMARY KEY("year","id"),
	CONSTRAINT "fact_value_source_kind" CHECK ("fact_value"."source_kind" in ('report', 'import')),
	CONSTRAINT "fact_value_report_source" CHECK ("fact_value"."source_kind" <> 'report' or "fact_value"."report_version_id" is not null)
) PARTITION BY RANGE ("year");
--> statement-breakpoint
CREATE TABLE "public_dataset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"query" jsonb NOT NULL,
	"display" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	"unpublished_by" uuid,
	"unpublished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_snapshot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"month" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_view" ADD CONSTRAINT "analytics_view_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_view" ADD CONSTRAINT "analytics_view_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard" ADD CONSTRAINT "dashboard_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_snapshot" ADD CONSTRAINT "public_snapshot_dataset_id_public_dataset_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."public_dataset"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_view_owner_idx" ON "analytics_view" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "dashboard_unit_idx" ON "dashboard" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "fact_value_query_idx" ON "fact_value" USING btree ("indicator_code","period_type","period_code","unit_id") INCLUDE ("measure","disaggregation","value","weight") WHERE "fact_value"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "fact_value_report_idx" ON "fact_value" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_snapshot_month_uq" ON "public_snapshot" USING btree ("dataset_id","month");--> statement-breakpoint
-- One partition a year (2010-2040) and a default one for anything else: pivots read one or a few years.
DO $$
BEGIN
  FOR y IN 2010..2040 LOOP
    EXECUTE format('CREATE TABLE fact_value_y%s PARTITION OF fact_value FOR VALUES FROM (%s) TO (%s)', y, y, y + 1);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE TABLE fact_value_other PARTITION OF fact_value DEFAULT;
--> statement-breakpoint
-- A fact is evidence of what was accepted: never deleted when it came from a report, and only ever
-- changed by being superseded (once), when a correction of its report is accepted.
CREATE FUNCTION fact_value_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.source_kind = 'report' THEN
      RAISE EXCEPTION 'fact_value % of a report cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.superseded_at IS NOT NULL
      OR (to_jsonb(NEW) - 'superseded_at' - 'superseded_by_version_id') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at' - 'superseded_by_version_id') THEN
    RAISE EXCEPTION 'fact_value % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER fact_value_immutable BEFORE UPDATE OR DELETE ON fact_value
  FOR EACH ROW EXECUTE FUNCTION fact_value_refuse_change();
