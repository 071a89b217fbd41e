CREATE TABLE "masking_pool_settings" (
	"client_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"auto_buy" boolean DEFAULT false NOT NULL,
	"max_pool_size" integer DEFAULT 10 NOT NULL,
	"region" text,
	"type" "number_type" DEFAULT 'local' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "masking_pool_settings_max" CHECK ("masking_pool_settings"."max_pool_size" between 1 and 100)
);
--> statement-breakpoint
DROP INDEX "numbers_search_prefix_idx";--> statement-breakpoint
DROP INDEX "numbers_search_region_idx";--> statement-breakpoint
ALTER TABLE "masking_pool_settings" ADD CONSTRAINT "masking_pool_settings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masking_pool_settings" ADD CONSTRAINT "masking_pool_settings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "masking_pool_settings_partner_idx" ON "masking_pool_settings" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "numbers_search_prefix_idx" ON "numbers" USING btree ("environment","country",("digits" collate "C")) WHERE "numbers"."status" = 'available';--> statement-breakpoint
CREATE INDEX "numbers_search_region_idx" ON "numbers" USING btree ("environment","country","region",("digits" collate "C")) WHERE "numbers"."status" = 'available';