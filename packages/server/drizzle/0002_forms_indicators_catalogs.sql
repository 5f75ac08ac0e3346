CREATE TABLE "catalog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"scope" text DEFAULT 'shared' NOT NULL,
	"field_group" text,
	"owner_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_code_unique" UNIQUE("code"),
	CONSTRAINT "catalog_scope" CHECK ("catalog"."scope" in ('shared', 'sector'))
);
--> statement-breakpoint
CREATE TABLE "catalog_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalog_id" uuid NOT NULL,
	"item_id" uuid,
	"catalog_version" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "catalog_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalog_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field_group" text,
	"unit_of_measure" text,
	"definition" text,
	"calculation_method" text,
	"value_type" text DEFAULT 'number' NOT NULL,
	"aggregation" text DEFAULT 'sum' NOT NULL,
	"weight_indicator_code" text,
	"disaggregations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"periodicities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_unit_id" uuid,
	"coordinating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"higher_code" text,
	"legal_basis" text,
	"price_basis" text,
	"base_year" integer,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_code_unique" UNIQUE("code"),
	CONSTRAINT "indicator_value_type" CHECK ("indicator"."value_type" in ('number', 'integer', 'percent', 'text', 'boolean', 'date')),
	CONSTRAINT "indicator_aggregation" CHECK ("indicator"."aggregation" in ('sum', 'average', 'weighted_average', 'min', 'max', 'count', 'none')),
	CONSTRAINT "indicator_price_basis" CHECK ("indicator"."price_basis" is null or "indicator"."price_basis" in ('current', 'comparable'))
);
--> statement-breakpoint
CREATE TABLE "indicator_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text,
	"description" text,
	"owner_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_set_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "indicator_set_member" (
	"set_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_set_member_set_id_indicator_id_pk" PRIMARY KEY("set_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "form" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'table' NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"field_group" text,
	"sharing" text DEFAULT 'private' NOT NULL,
	"copied_from_version_id" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "form_kind" CHECK ("form"."kind" in ('table', 'list', 'outline')),
	CONSTRAINT "form_sharing" CHECK ("form"."sharing" in ('private', 'all', 'units'))
);
--> statement-breakpoint
CREATE TABLE "form_share" (
	"form_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"include_subtree" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "form_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "form_version_status" CHECK ("form_version"."status" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "catalog" ADD CONSTRAINT "catalog_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_event" ADD CONSTRAINT "catalog_event_catalog_id_catalog_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalog"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_catalog_id_catalog_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalog"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_parent_id_catalog_item_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."catalog_item"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_set" ADD CONSTRAINT "indicator_set_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_set_member" ADD CONSTRAINT "indicator_set_member_set_id_indicator_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."indicator_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_set_member" ADD CONSTRAINT "indicator_set_member_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form" ADD CONSTRAINT "form_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form" ADD CONSTRAINT "form_copied_from_version_id_form_version_id_fk" FOREIGN KEY ("copied_from_version_id") REFERENCES "public"."form_version"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_share" ADD CONSTRAINT "form_share_form_id_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."form"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_share" ADD CONSTRAINT "form_share_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_form_id_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."form"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_event_catalog_idx" ON "catalog_event" USING btree ("catalog_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_item_code_uq" ON "catalog_item" USING btree ("catalog_id","code");--> statement-breakpoint
CREATE INDEX "catalog_item_parent_idx" ON "catalog_item" USING btree ("catalog_id","parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "indicator_field_idx" ON "indicator" USING btree ("field_group","code");--> statement-breakpoint
CREATE UNIQUE INDEX "form_owner_code_uq" ON "form" USING btree ("owner_unit_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "form_share_uq" ON "form_share" USING btree ("form_id","unit_id");--> statement-breakpoint
CREATE INDEX "form_share_unit_idx" ON "form_share" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_version_no_uq" ON "form_version" USING btree ("form_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "form_version_one_draft_uq" ON "form_version" USING btree ("form_id") WHERE "form_version"."status" = 'draft';