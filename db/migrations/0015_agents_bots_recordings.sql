CREATE TYPE "public"."agent_availability" AS ENUM('offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break');--> statement-breakpoint
CREATE TYPE "public"."agent_dial_preference" AS ENUM('webrtc', 'phone');--> statement-breakpoint
CREATE TYPE "public"."agent_manual_availability" AS ENUM('offline', 'available', 'break');--> statement-breakpoint
CREATE TYPE "public"."agent_permission_group" AS ENUM('admin', 'supervisor', 'agent');--> statement-breakpoint
CREATE TYPE "public"."agent_status" AS ENUM('active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."recording_format" AS ENUM('wav', 'mp3');--> statement-breakpoint
CREATE TABLE "agent_extension_ranges" (
	"client_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"first" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"password_hash" text NOT NULL,
	"extension" text NOT NULL,
	"reporting_manager_id" text,
	"manager_id" text,
	"webrtc" boolean DEFAULT true NOT NULL,
	"dial_preference" "agent_dial_preference" DEFAULT 'webrtc' NOT NULL,
	"permission_group" "agent_permission_group" DEFAULT 'agent' NOT NULL,
	"status" "agent_status" DEFAULT 'active' NOT NULL,
	"deactivated_at" timestamp with time zone,
	"availability" "agent_availability" DEFAULT 'offline' NOT NULL,
	"availability_since" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_availability" "agent_manual_availability",
	"hours_state" text,
	"offline_by_hours" boolean DEFAULT false NOT NULL,
	"stats_day" date,
	"calls_today" integer DEFAULT 0 NOT NULL,
	"talk_seconds_today" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"format" "recording_format" NOT NULL,
	"duration_ms" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"sample_rate" integer,
	"channels" integer,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_bots" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"api_url" text,
	"wss_url" text NOT NULL,
	"auth_header_ciphertext" text,
	"auth_header_hint" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_extension_ranges" ADD CONSTRAINT "agent_extension_ranges_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_extension_ranges" ADD CONSTRAINT "agent_extension_ranges_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_reporting_manager_id_agents_id_fk" FOREIGN KEY ("reporting_manager_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_manager_id_agents_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_bots" ADD CONSTRAINT "voice_bots_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_bots" ADD CONSTRAINT "voice_bots_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agents_client_extension_key" ON "agents" USING btree ("client_id","extension");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_client_email_key" ON "agents" USING btree ("client_id","email");--> statement-breakpoint
CREATE INDEX "agents_partner_id_idx" ON "agents" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "agents_partner_client_idx" ON "agents" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "agents_partner_status_idx" ON "agents" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "recordings_partner_id_idx" ON "recordings" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "recordings_partner_client_idx" ON "recordings" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "voice_bots_partner_id_idx" ON "voice_bots" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "voice_bots_partner_client_idx" ON "voice_bots" USING btree ("partner_id","client_id","id");