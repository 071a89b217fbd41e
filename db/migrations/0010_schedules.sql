CREATE TYPE "public"."schedule_subject_kind" AS ENUM('number', 'agent', 'whatsapp_number');--> statement-breakpoint
CREATE TABLE "schedule_holidays" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"schedule_id" text NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"subject_kind" "schedule_subject_kind" NOT NULL,
	"subject_id" text NOT NULL,
	"timezone" text NOT NULL,
	"weekly" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schedule_holidays" ADD CONSTRAINT "schedule_holidays_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_holidays" ADD CONSTRAINT "schedule_holidays_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_holidays_partner_schedule_idx" ON "schedule_holidays" USING btree ("partner_id","schedule_id","end_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedules_partner_subject_key" ON "schedules" USING btree ("partner_id","subject_kind","subject_id");