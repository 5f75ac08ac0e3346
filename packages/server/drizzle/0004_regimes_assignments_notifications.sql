CREATE TABLE "regime" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" uuid,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "regime_kind" CHECK ("regime"."kind" in ('dinh_ky', 'chuyen_de', 'dot_xuat')),
	CONSTRAINT "regime_status" CHECK ("regime"."status" in ('draft', 'active', 'stopped'))
);
--> statement-breakpoint
CREATE TABLE "regime_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "regime_version_status" CHECK ("regime_version"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "calendar_adjustment" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_adjustment_kind" CHECK ("calendar_adjustment"."kind" in ('holiday', 'working_day'))
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"parent_assignment_id" uuid,
	"level" integer DEFAULT 0 NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"original_deadline_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"sent_at" timestamp with time zone,
	"form_version_ids" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assignment_status" CHECK ("assignment"."status" in ('not_started', 'in_progress', 'sent', 'accepted', 'returned', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "regime_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_id" uuid NOT NULL,
	"regime_version_id" uuid NOT NULL,
	"period_code" text NOT NULL,
	"period_type" text NOT NULL,
	"label" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"deadlines" jsonb NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"form_version_ids" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "regime_period_state" CHECK ("regime_period"."state" in ('open', 'extended', 'closed')),
	CONSTRAINT "regime_period_window" CHECK ("regime_period"."window_start" <= "regime_period"."window_end")
);
--> statement-breakpoint
CREATE TABLE "regime_period_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_period_id" uuid NOT NULL,
	"assignment_id" uuid,
	"kind" text NOT NULL,
	"reason" text,
	"old_deadline_at" timestamp with time zone,
	"new_deadline_at" timestamp with time zone,
	"unit_ids" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "regime_period_event_kind" CHECK ("regime_period_event"."kind" in ('opened', 'closed', 'reopened', 'extended', 'delegated', 'reminded'))
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbox_status" CHECK ("email_outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "regime" ADD CONSTRAINT "regime_owner_unit_id_org_unit_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime" ADD CONSTRAINT "regime_current_version_id_regime_version_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."regime_version"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_version" ADD CONSTRAINT "regime_version_regime_id_regime_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."regime"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_regime_period_id_regime_period_id_fk" FOREIGN KEY ("regime_period_id") REFERENCES "public"."regime_period"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_receiving_unit_id_org_unit_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_parent_assignment_id_assignment_id_fk" FOREIGN KEY ("parent_assignment_id") REFERENCES "public"."assignment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_period" ADD CONSTRAINT "regime_period_regime_id_regime_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."regime"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_period" ADD CONSTRAINT "regime_period_regime_version_id_regime_version_id_fk" FOREIGN KEY ("regime_version_id") REFERENCES "public"."regime_version"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_period_event" ADD CONSTRAINT "regime_period_event_regime_period_id_regime_period_id_fk" FOREIGN KEY ("regime_period_id") REFERENCES "public"."regime_period"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_period_event" ADD CONSTRAINT "regime_period_event_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regime_owner_code_uq" ON "regime" USING btree ("owner_unit_id","code");--> statement-breakpoint
CREATE INDEX "regime_status_idx" ON "regime" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "regime_version_no_uq" ON "regime_version" USING btree ("regime_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "regime_version_one_draft_uq" ON "regime_version" USING btree ("regime_id") WHERE "regime_version"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_top_uq" ON "assignment" USING btree ("regime_period_id","unit_id") WHERE "assignment"."parent_assignment_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_child_uq" ON "assignment" USING btree ("parent_assignment_id","unit_id");--> statement-breakpoint
CREATE INDEX "assignment_unit_idx" ON "assignment" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "assignment_receiving_idx" ON "assignment" USING btree ("receiving_unit_id");--> statement-breakpoint
CREATE INDEX "assignment_deadline_idx" ON "assignment" USING btree ("deadline_at");--> statement-breakpoint
CREATE UNIQUE INDEX "regime_period_code_uq" ON "regime_period" USING btree ("regime_id","period_code");--> statement-breakpoint
CREATE INDEX "regime_period_deadline_idx" ON "regime_period" USING btree ("deadline_at");--> statement-breakpoint
CREATE INDEX "regime_period_event_period_idx" ON "regime_period_event" USING btree ("regime_period_id","at");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("user_id","dedupe_key") WHERE "notification"."dedupe_key" is not null;