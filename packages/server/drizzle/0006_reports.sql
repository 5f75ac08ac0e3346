CREATE TABLE "report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"regime_period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"current_version_no" integer DEFAULT 1 NOT NULL,
	"sent_at" timestamp with time zone,
	"out_of_band" boolean DEFAULT false NOT NULL,
	"accepted_at" timestamp with time zone,
	"return_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_state" CHECK ("report"."state" in ('draft', 'submitted', 'reviewed', 'approved', 'sent', 'accepted', 'returned', 'correction_requested'))
);
--> statement-breakpoint
CREATE TABLE "report_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone,
	"evidence" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"content_hash" text
);
--> statement-breakpoint
CREATE TABLE "report_snapshot" (
	"content_hash" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_regime_period_id_regime_period_id_fk" FOREIGN KEY ("regime_period_id") REFERENCES "public"."regime_period"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_receiving_unit_id_org_unit_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_assignment_uq" ON "report" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "report_period_receiver_idx" ON "report" USING btree ("regime_period_id","receiving_unit_id","state");--> statement-breakpoint
CREATE INDEX "report_unit_idx" ON "report" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "report_receiver_idx" ON "report" USING btree ("receiving_unit_id","state");--> statement-breakpoint
CREATE INDEX "report_event_report_idx" ON "report_event" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_version_no_uq" ON "report_version" USING btree ("report_id","version_no");