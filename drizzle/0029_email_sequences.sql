CREATE TABLE "email_sequence_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT uuid_v7() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sequence_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"exit_reason" text,
	"step_id" text,
	"due_at" timestamp with time zone,
	"last_send_id" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_sequences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"send_window" jsonb,
	"entry_segment_id" uuid,
	"reentry_after_days" integer,
	"goal_rules" jsonb,
	"activated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD COLUMN "sequence_id" uuid;--> statement-breakpoint
ALTER TABLE "email_sequence_enrollments" ADD CONSTRAINT "email_sequence_enrollments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_sequence_enrollments" ADD CONSTRAINT "email_sequence_enrollments_sequence_id_email_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."email_sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_sequence_enrollments" ADD CONSTRAINT "email_sequence_enrollments_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_sequences" ADD CONSTRAINT "email_sequences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_sequences" ADD CONSTRAINT "email_sequences_entry_segment_id_segments_id_fk" FOREIGN KEY ("entry_segment_id") REFERENCES "public"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_sequences" ADD CONSTRAINT "email_sequences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_sequence_enrollments_active_uq" ON "email_sequence_enrollments" USING btree ("sequence_id","lead_id") WHERE "email_sequence_enrollments"."state" = 'active';--> statement-breakpoint
CREATE INDEX "email_sequence_enrollments_due_idx" ON "email_sequence_enrollments" USING btree ("due_at","id") WHERE "email_sequence_enrollments"."state" = 'active';--> statement-breakpoint
CREATE INDEX "email_sequence_enrollments_sequence_idx" ON "email_sequence_enrollments" USING btree ("sequence_id","state","entered_at","id");--> statement-breakpoint
CREATE INDEX "email_sequence_enrollments_lead_idx" ON "email_sequence_enrollments" USING btree ("workspace_id","lead_id");--> statement-breakpoint
CREATE INDEX "email_sequences_workspace_created_idx" ON "email_sequences" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_sequence_id_email_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."email_sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_campaigns_sequence_idx" ON "email_campaigns" USING btree ("sequence_id");