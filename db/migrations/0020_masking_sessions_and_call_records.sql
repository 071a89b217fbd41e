CREATE TYPE "public"."masking_callback_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."masking_session_status" AS ENUM('active', 'in_progress', 'expired', 'ended');--> statement-breakpoint
CREATE TYPE "public"."call_charge_status" AS ENUM('pending', 'charged', 'none', 'failed');--> statement-breakpoint
CREATE TYPE "public"."call_leg_status" AS ENUM('ringing', 'answered', 'ended');--> statement-breakpoint
CREATE TABLE "masking_allocations" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"number_id" text NOT NULL,
	"party" text NOT NULL,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "masking_callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"session_id" text NOT NULL,
	"url" text NOT NULL,
	"type" text NOT NULL,
	"body" text NOT NULL,
	"status" "masking_callback_status" DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now(),
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "masking_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"number_id" text NOT NULL,
	"virtual_number" text NOT NULL,
	"first_party" text NOT NULL,
	"second_party" text NOT NULL,
	"status" "masking_session_status" DEFAULT 'active' NOT NULL,
	"session_expiry" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"call_time_limit" integer NOT NULL,
	"ring_timeout" integer NOT NULL,
	"record" boolean DEFAULT false NOT NULL,
	"consent_prompt" text,
	"initiate_call_to_first_party" boolean DEFAULT false NOT NULL,
	"callback_url" text,
	"carrier" text NOT NULL,
	"carrier_session_id" text,
	"total_call_count" integer DEFAULT 0 NOT NULL,
	"total_billed_seconds" integer DEFAULT 0 NOT NULL,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"last_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "masking_sessions_limits" CHECK ("masking_sessions"."session_expiry" > 0 and "masking_sessions"."call_time_limit" > 0 and "masking_sessions"."ring_timeout" > 0)
);
--> statement-breakpoint
CREATE TABLE "call_events" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"carrier_leg_id" text NOT NULL,
	"partner_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_records" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"number_id" text,
	"session_id" text,
	"carrier_call_id" text NOT NULL,
	"carrier_leg_id" text NOT NULL,
	"leg" text NOT NULL,
	"direction" text NOT NULL,
	"number" text NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"status" "call_leg_status" NOT NULL,
	"outcome" text,
	"started_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"billed_minutes" integer,
	"product" text,
	"amount" bigint,
	"charge_status" "call_charge_status",
	"charge_id" text,
	"charge_error" text,
	"recording_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "masking_allocations" ADD CONSTRAINT "masking_allocations_session_id_masking_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."masking_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_allocations" ADD CONSTRAINT "masking_allocations_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_callbacks" ADD CONSTRAINT "masking_callbacks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_callbacks" ADD CONSTRAINT "masking_callbacks_session_id_masking_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."masking_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_sessions" ADD CONSTRAINT "masking_sessions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_sessions" ADD CONSTRAINT "masking_sessions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_sessions" ADD CONSTRAINT "masking_sessions_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_session_id_masking_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."masking_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_charge_id_ledger_sets_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."ledger_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "masking_allocations_active_key" ON "masking_allocations" USING btree ("number_id","party") WHERE "masking_allocations"."released_at" is null;--> statement-breakpoint
CREATE INDEX "masking_allocations_session_idx" ON "masking_allocations" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "masking_allocations_party_idx" ON "masking_allocations" USING btree ("party") WHERE "masking_allocations"."released_at" is null;--> statement-breakpoint
CREATE INDEX "masking_callbacks_due_idx" ON "masking_callbacks" USING btree ("next_attempt_at") WHERE "masking_callbacks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "masking_callbacks_session_idx" ON "masking_callbacks" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "masking_sessions_partner_idx" ON "masking_sessions" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "masking_sessions_partner_status_idx" ON "masking_sessions" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "masking_sessions_partner_client_idx" ON "masking_sessions" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "masking_sessions_partner_number_idx" ON "masking_sessions" USING btree ("partner_id","virtual_number","id");--> statement-breakpoint
CREATE INDEX "masking_sessions_expiry_idx" ON "masking_sessions" USING btree ("expires_at") WHERE "masking_sessions"."status" in ('active', 'in_progress');--> statement-breakpoint
CREATE UNIQUE INDEX "call_events_event_key" ON "call_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "call_events_created_idx" ON "call_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_records_leg_key" ON "call_records" USING btree ("partner_id","carrier_leg_id");--> statement-breakpoint
CREATE INDEX "call_records_partner_idx" ON "call_records" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "call_records_partner_client_idx" ON "call_records" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "call_records_partner_session_idx" ON "call_records" USING btree ("partner_id","session_id","id");--> statement-breakpoint
CREATE INDEX "call_records_partner_number_idx" ON "call_records" USING btree ("partner_id","number","id");--> statement-breakpoint
CREATE INDEX "call_records_charge_pending_idx" ON "call_records" USING btree ("updated_at") WHERE "call_records"."charge_status" = 'pending';