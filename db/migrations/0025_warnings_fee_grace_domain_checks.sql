ALTER TABLE "api_keys" ADD COLUMN "expiry_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_validity" ADD COLUMN "expiry_warned_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_numbers" ADD COLUMN "fee_grace_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_numbers" ADD COLUMN "fee_suspended_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "api_keys_expiry_warning_idx" ON "api_keys" USING btree ("expires_at") WHERE "api_keys"."revoked_at" is null and "api_keys"."expiry_warned_at" is null;--> statement-breakpoint
CREATE INDEX "client_validity_due_idx" ON "client_validity" USING btree ("valid_till") WHERE "client_validity"."expired_at" is null;--> statement-breakpoint
CREATE INDEX "sending_domains_checked_idx" ON "sending_domains" USING btree ("last_checked_at");