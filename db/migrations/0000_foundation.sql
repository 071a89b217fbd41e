CREATE TYPE "public"."hostname_status" AS ENUM('pending', 'verified', 'failed');--> statement-breakpoint
CREATE TYPE "public"."partner_kind" AS ENUM('live', 'sandbox');--> statement-breakpoint
CREATE TYPE "public"."partner_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."partner_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."partner_tier" AS ENUM('standard', 'premium', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."client_member_role" AS ENUM('owner', 'member');--> statement-breakpoint
CREATE TYPE "public"."client_status" AS ENUM('pending', 'active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('operator', 'partner_user', 'client_member', 'api_key', 'system');--> statement-breakpoint
CREATE TABLE "operator_users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_branding" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"product_name" text NOT NULL,
	"primary_color" text DEFAULT '#4f46e5' NOT NULL,
	"secondary_color" text DEFAULT '#0f172a' NOT NULL,
	"support_email" text,
	"logo" "bytea",
	"logo_content_type" text,
	"logo_sha256" text,
	"logo_bytes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_hostnames" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"hostname" text NOT NULL,
	"status" "hostname_status" DEFAULT 'pending' NOT NULL,
	"verification_token" text NOT NULL,
	"checked_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_users" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "partner_role" DEFAULT 'member' NOT NULL,
	"password_hash" text,
	"invite_token_hash" text,
	"invite_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"tier" "partner_tier" DEFAULT 'standard' NOT NULL,
	"status" "partner_status" DEFAULT 'active' NOT NULL,
	"kind" "partner_kind" DEFAULT 'live' NOT NULL,
	"parent_id" text,
	"suspended_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_members" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "client_member_role" DEFAULT 'member' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" "client_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"ip" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_branding" ADD CONSTRAINT "partner_branding_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_hostnames" ADD CONSTRAINT "partner_hostnames_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_users" ADD CONSTRAINT "partner_users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_parent_id_partners_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_members" ADD CONSTRAINT "client_members_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_members" ADD CONSTRAINT "client_members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operator_users_email_key" ON "operator_users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_hostnames_partner_hostname_key" ON "partner_hostnames" USING btree ("partner_id","hostname");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_hostnames_verified_key" ON "partner_hostnames" USING btree ("hostname") WHERE "partner_hostnames"."status" = 'verified';--> statement-breakpoint
CREATE UNIQUE INDEX "partner_users_partner_email_key" ON "partner_users" USING btree ("partner_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_users_invite_token_key" ON "partner_users" USING btree ("invite_token_hash") WHERE "partner_users"."invite_token_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "partners_slug_key" ON "partners" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "partners_parent_idx" ON "partners" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_members_partner_email_key" ON "client_members" USING btree ("partner_id","email");--> statement-breakpoint
CREATE INDEX "client_members_client_idx" ON "client_members" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_partner_email_key" ON "clients" USING btree ("partner_id","email");--> statement-breakpoint
CREATE INDEX "clients_partner_created_idx" ON "clients" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_partner_created_idx" ON "audit_log" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");