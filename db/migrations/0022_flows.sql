CREATE TYPE "public"."flow_call_status" AS ENUM('in_progress', 'completed');--> statement-breakpoint
CREATE TABLE "flow_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"number_id" text,
	"flow_id" text,
	"carrier_call_id" text NOT NULL,
	"number" text NOT NULL,
	"from_number" text NOT NULL,
	"stage" text NOT NULL,
	"active_leg_id" text,
	"agent_id" text,
	"outcome" text,
	"path" jsonb NOT NULL,
	"status" "flow_call_status" DEFAULT 'in_progress' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flow_mappings" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"number_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"mapped_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unmapped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"welcome_recording_id" text,
	"agent_extension" text NOT NULL,
	"transfer_to" text,
	"bot_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "caller_id_number_id" text;--> statement-breakpoint
ALTER TABLE "flow_calls" ADD CONSTRAINT "flow_calls_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_calls" ADD CONSTRAINT "flow_calls_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_calls" ADD CONSTRAINT "flow_calls_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_calls" ADD CONSTRAINT "flow_calls_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_calls" ADD CONSTRAINT "flow_calls_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_mappings" ADD CONSTRAINT "flow_mappings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_mappings" ADD CONSTRAINT "flow_mappings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_mappings" ADD CONSTRAINT "flow_mappings_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_mappings" ADD CONSTRAINT "flow_mappings_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_welcome_recording_id_recordings_id_fk" FOREIGN KEY ("welcome_recording_id") REFERENCES "public"."recordings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_bot_id_voice_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."voice_bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "flow_calls_call_key" ON "flow_calls" USING btree ("partner_id","carrier_call_id");--> statement-breakpoint
CREATE INDEX "flow_calls_partner_id_idx" ON "flow_calls" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "flow_calls_partner_flow_idx" ON "flow_calls" USING btree ("partner_id","flow_id","id");--> statement-breakpoint
CREATE INDEX "flow_calls_partner_number_idx" ON "flow_calls" USING btree ("partner_id","number_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_mappings_current_key" ON "flow_mappings" USING btree ("number_id") WHERE "flow_mappings"."unmapped_at" is null;--> statement-breakpoint
CREATE INDEX "flow_mappings_partner_number_idx" ON "flow_mappings" USING btree ("partner_id","number_id","id");--> statement-breakpoint
CREATE INDEX "flow_mappings_partner_flow_idx" ON "flow_mappings" USING btree ("partner_id","flow_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flows_client_name_key" ON "flows" USING btree ("client_id","name");--> statement-breakpoint
CREATE INDEX "flows_partner_id_idx" ON "flows" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "flows_partner_client_idx" ON "flows" USING btree ("partner_id","client_id","id");--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_caller_id_number_id_numbers_id_fk" FOREIGN KEY ("caller_id_number_id") REFERENCES "public"."numbers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_records_partner_call_idx" ON "call_records" USING btree ("partner_id","carrier_call_id");