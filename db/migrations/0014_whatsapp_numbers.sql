CREATE TYPE "public"."whatsapp_number_status" AS ENUM('active', 'token_expired', 'needs_attention', 'unlinked');--> statement-breakpoint
CREATE TABLE "whatsapp_numbers" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"phone_number_id" text NOT NULL,
	"waba_id" text,
	"access_token_ciphertext" text NOT NULL,
	"display_phone_number" text NOT NULL,
	"verified_name" text NOT NULL,
	"sent_display_number" text,
	"sent_verified_name" text,
	"status" "whatsapp_number_status" DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"quality_rating" text,
	"can_send_message" text,
	"name_status" text,
	"platform_type" text,
	"throughput_level" text,
	"meta_status" text,
	"messaging_limit_tier" text,
	"account_mode" text,
	"health_entities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"token_expires_at" timestamp with time zone,
	"token_warned_for" text,
	"fee_paid_period" text,
	"fee_unpaid_reason" text,
	"last_checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "whatsapp_numbers" ADD CONSTRAINT "whatsapp_numbers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_numbers" ADD CONSTRAINT "whatsapp_numbers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "whatsapp_numbers_partner_phone_key" ON "whatsapp_numbers" USING btree ("partner_id","phone_number_id") WHERE "whatsapp_numbers"."status" <> 'unlinked';--> statement-breakpoint
CREATE INDEX "whatsapp_numbers_partner_idx" ON "whatsapp_numbers" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "whatsapp_numbers_partner_client_idx" ON "whatsapp_numbers" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "whatsapp_numbers_partner_status_idx" ON "whatsapp_numbers" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "whatsapp_numbers_due_idx" ON "whatsapp_numbers" USING btree ("next_check_at") WHERE "whatsapp_numbers"."status" <> 'unlinked';