CREATE TYPE "public"."aadhaar_status" AS ENUM('unverified', 'otp_sent', 'verified', 'failed');--> statement-breakpoint
CREATE TYPE "public"."gst_status" AS ENUM('unverified', 'pending', 'verified', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."onboarding_link_status" AS ENUM('active', 'used', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."otp_channel" AS ENUM('email', 'mobile');--> statement-breakpoint
CREATE TYPE "public"."registration_source" AS ENUM('api', 'console', 'link');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending', 'completed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('unverified', 'pending', 'verified', 'failed');--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"sealed_body" text,
	"template" text NOT NULL,
	"provider" text,
	"status" "message_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onboarding_links" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"token_digest" text NOT NULL,
	"status" "onboarding_link_status" DEFAULT 'active' NOT NULL,
	"prefill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"registration_id" text,
	"client_id" text,
	"created_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"registration_id" text NOT NULL,
	"channel" "otp_channel" NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "promo_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"code" text NOT NULL,
	"description" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"status" "registration_status" DEFAULT 'pending' NOT NULL,
	"source" "registration_source" NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"mobile" text NOT NULL,
	"country_code" text NOT NULL,
	"password_hash" text NOT NULL,
	"promo_code" text,
	"email_verified_at" timestamp with time zone,
	"mobile_verified_at" timestamp with time zone,
	"business_type" text,
	"pan" text,
	"pan_status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"pan_registered_name" text,
	"pan_failure_reason" text,
	"pan_checked_at" timestamp with time zone,
	"aadhaar_last4" text,
	"aadhaar_reference" text,
	"aadhaar_status" "aadhaar_status" DEFAULT 'unverified' NOT NULL,
	"aadhaar_failure_reason" text,
	"gstin" text,
	"gst_status" "gst_status" DEFAULT 'unverified' NOT NULL,
	"gst_legal_name" text,
	"gst_failure_reason" text,
	"gst_checked_at" timestamp with time zone,
	"gst_skip_reason" text,
	"kyc_submitted_at" timestamp with time zone,
	"signature" "bytea",
	"signature_sha256" text,
	"accepted_at" timestamp with time zone,
	"client_id" text,
	"onboarding_link_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_links" ADD CONSTRAINT "onboarding_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_codes" ADD CONSTRAINT "otp_codes_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_due_idx" ON "messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "messages_partner_idx" ON "messages" USING btree ("partner_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_links_token_key" ON "onboarding_links" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "onboarding_links_partner_idx" ON "onboarding_links" USING btree ("partner_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "otp_codes_registration_channel_key" ON "otp_codes" USING btree ("registration_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_partner_code_key" ON "promo_codes" USING btree ("partner_id","code");--> statement-breakpoint
CREATE INDEX "registrations_partner_idx" ON "registrations" USING btree ("partner_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_open_email_key" ON "registrations" USING btree ("partner_id","email") WHERE "registrations"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_open_mobile_key" ON "registrations" USING btree ("partner_id","mobile") WHERE "registrations"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_client_key" ON "registrations" USING btree ("client_id");