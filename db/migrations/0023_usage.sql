CREATE TYPE "public"."usage_kind" AS ENUM('call_minutes', 'masking_minutes', 'messages', 'api_requests', 'storage_bytes');--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text,
	"kind" "usage_kind" NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"quantity" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"source_id" text,
	"charge_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"rolled_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_hourly" (
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" "usage_kind" NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"quantity" bigint NOT NULL,
	"events" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_charge_id_ledger_sets_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."ledger_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_hourly" ADD CONSTRAINT "usage_hourly_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_partner_key" ON "usage_events" USING btree ("partner_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "usage_events_client_time_idx" ON "usage_events" USING btree ("partner_id","client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_events_unrolled_idx" ON "usage_events" USING btree ("partner_id","client_id","occurred_at") WHERE not "usage_events"."rolled_up";--> statement-breakpoint
CREATE INDEX "usage_events_charge_idx" ON "usage_events" USING btree ("charge_id") WHERE "usage_events"."charge_id" is not null;--> statement-breakpoint
CREATE INDEX "usage_events_source_idx" ON "usage_events" USING btree ("partner_id","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_hourly_key" ON "usage_hourly" USING btree ("partner_id","client_id","hour","kind","channel");--> statement-breakpoint
CREATE INDEX "usage_hourly_partner_hour_idx" ON "usage_hourly" USING btree ("partner_id","hour");