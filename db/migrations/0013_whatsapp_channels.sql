CREATE TYPE "public"."channel_connection" AS ENUM('initialising', 'waiting_for_scan', 'authenticated', 'connected', 'failed', 'logged_out');--> statement-breakpoint
CREATE TYPE "public"."channel_mode" AS ENUM('trial', 'live');--> statement-breakpoint
CREATE TYPE "public"."channel_status" AS ENUM('active', 'stopped', 'deleted');--> statement-breakpoint
ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'channel_days';--> statement-breakpoint
CREATE TABLE "channels" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"mode" "channel_mode" DEFAULT 'trial' NOT NULL,
	"status" "channel_status" DEFAULT 'active' NOT NULL,
	"connection" "channel_connection" DEFAULT 'initialising' NOT NULL,
	"connection_reason" text,
	"phone" text,
	"trial_days" integer NOT NULL,
	"active_till" timestamp with time zone NOT NULL,
	"days_held" integer DEFAULT 0 NOT NULL,
	"days_reclaimed" integer DEFAULT 0 NOT NULL,
	"warned_days" integer,
	"token_digest" text NOT NULL,
	"token_hint" text NOT NULL,
	"gateway" text NOT NULL,
	"gateway_id" text NOT NULL,
	"gateway_token_ciphertext" text,
	"connected_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulated_gateway_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mode" text DEFAULT 'trial' NOT NULL,
	"stopped" boolean DEFAULT false NOT NULL,
	"login_started_at" timestamp with time zone,
	"pairing_phone" text,
	"authenticated_at" timestamp with time zone,
	"phone" text,
	"logged_out_at" timestamp with time zone,
	"failed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "channel_id" text;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channels_partner_idx" ON "channels" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "channels_partner_client_idx" ON "channels" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "channels_partner_status_idx" ON "channels" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "channels_partner_mode_idx" ON "channels" USING btree ("partner_id","mode","id");--> statement-breakpoint
CREATE INDEX "channels_due_idx" ON "channels" USING btree ("active_till") WHERE "channels"."status" = 'active';--> statement-breakpoint
CREATE INDEX "channels_open_connection_idx" ON "channels" USING btree ("connection") WHERE "channels"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "channels_token_digest_key" ON "channels" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_channel_idx" ON "webhook_endpoints" USING btree ("channel_id");