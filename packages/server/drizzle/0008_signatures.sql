CREATE TABLE "certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"certificate_pem" text NOT NULL,
	"chain_pem" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"common_name" text NOT NULL,
	"issuer" text NOT NULL,
	"serial_number" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"fingerprint_sha256" text NOT NULL,
	"encrypted_key" "bytea" NOT NULL,
	"key_algorithm" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_owner_kind" CHECK ("certificate"."owner_kind" in ('person', 'unit')),
	CONSTRAINT "certificate_owner" CHECK (("certificate"."owner_kind" = 'person' and "certificate"."user_id" is not null and "certificate"."unit_id" is null) or ("certificate"."owner_kind" = 'unit' and "certificate"."unit_id" is not null and "certificate"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "report_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"role" text NOT NULL,
	"certificate_id" uuid,
	"event_id" uuid,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"content_hash" text NOT NULL,
	"cms" "bytea" NOT NULL,
	"pdf_sha256" text,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_signature_role" CHECK ("report_signature"."role" in ('leader', 'unit'))
);
--> statement-breakpoint
CREATE TABLE "trusted_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'demo' NOT NULL,
	"certificate_pem" text NOT NULL,
	"fingerprint_sha256" text NOT NULL,
	"encrypted_key" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trusted_certificate_fingerprint_sha256_unique" UNIQUE("fingerprint_sha256")
);
--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signature" ADD CONSTRAINT "report_signature_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signature" ADD CONSTRAINT "report_signature_certificate_id_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificate"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signature" ADD CONSTRAINT "report_signature_event_id_report_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."report_event"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_user_idx" ON "certificate" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "certificate_unit_idx" ON "certificate" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_person_fingerprint_uq" ON "certificate" USING btree ("user_id","fingerprint_sha256") WHERE "certificate"."owner_kind" = 'person';--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_unit_fingerprint_uq" ON "certificate" USING btree ("unit_id","fingerprint_sha256") WHERE "certificate"."owner_kind" = 'unit';--> statement-breakpoint
CREATE INDEX "report_signature_version_idx" ON "report_signature" USING btree ("report_id","version_no");