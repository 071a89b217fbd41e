CREATE TYPE "public"."number_assignment_status" AS ENUM('provisioning', 'active', 'suspended', 'released');--> statement-breakpoint
CREATE TYPE "public"."number_environment" AS ENUM('live', 'sandbox');--> statement-breakpoint
CREATE TYPE "public"."number_hold_status" AS ENUM('active', 'purchased', 'released', 'expired');--> statement-breakpoint
CREATE TYPE "public"."number_purchase_status" AS ENUM('provisioning', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."number_status" AS ENUM('available', 'held', 'assigned', 'quarantined');--> statement-breakpoint
CREATE TYPE "public"."number_type" AS ENUM('local', 'mobile', 'toll_free');--> statement-breakpoint
CREATE TABLE "number_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"number_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"status" "number_assignment_status" NOT NULL,
	"setup_product" text NOT NULL,
	"rental_product" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_through" text,
	"grace_ends_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"release_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"number_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text,
	"status" "number_hold_status" DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_purchases" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"number_id" text NOT NULL,
	"assignment_id" text,
	"idempotency_key" text,
	"request_digest" text,
	"status" "number_purchase_status" NOT NULL,
	"ledger_set_id" text,
	"setup_retail" bigint NOT NULL,
	"monthly_retail" bigint NOT NULL,
	"failure_code" text,
	"failure_reason" text,
	"completed_at" timestamp with time zone,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "number_purchases_amounts" CHECK ("number_purchases"."setup_retail" >= 0 and "number_purchases"."monthly_retail" >= 0)
);
--> statement-breakpoint
CREATE TABLE "number_settings" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"quarantine_days" bigint DEFAULT 30 NOT NULL,
	"grace_days" bigint DEFAULT 7 NOT NULL,
	"suspended_days" bigint DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "numbers" (
	"id" text PRIMARY KEY NOT NULL,
	"environment" "number_environment" NOT NULL,
	"carrier" text NOT NULL,
	"carrier_ref" text,
	"e164" text NOT NULL,
	"digits" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"type" "number_type" NOT NULL,
	"status" "number_status" DEFAULT 'available' NOT NULL,
	"partner_id" text,
	"client_id" text,
	"hold_expires_at" timestamp with time zone,
	"reusable_after" timestamp with time zone,
	"masking" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "numbers_holder" CHECK ("numbers"."status" = 'available' or "numbers"."partner_id" is not null),
	CONSTRAINT "numbers_assigned_client" CHECK ("numbers"."status" not in ('assigned', 'quarantined') or "numbers"."client_id" is not null),
	CONSTRAINT "numbers_masking_assigned" CHECK (not "numbers"."masking" or "numbers"."status" = 'assigned')
);
--> statement-breakpoint
ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_holds" ADD CONSTRAINT "number_holds_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_holds" ADD CONSTRAINT "number_holds_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_holds" ADD CONSTRAINT "number_holds_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_purchases" ADD CONSTRAINT "number_purchases_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_purchases" ADD CONSTRAINT "number_purchases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_purchases" ADD CONSTRAINT "number_purchases_number_id_numbers_id_fk" FOREIGN KEY ("number_id") REFERENCES "public"."numbers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_purchases" ADD CONSTRAINT "number_purchases_assignment_id_number_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."number_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_purchases" ADD CONSTRAINT "number_purchases_ledger_set_id_ledger_sets_id_fk" FOREIGN KEY ("ledger_set_id") REFERENCES "public"."ledger_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_settings" ADD CONSTRAINT "number_settings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "number_assignments_open_key" ON "number_assignments" USING btree ("number_id") WHERE "number_assignments"."status" <> 'released';--> statement-breakpoint
CREATE INDEX "number_assignments_partner_client_idx" ON "number_assignments" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "number_assignments_number_idx" ON "number_assignments" USING btree ("number_id","id");--> statement-breakpoint
CREATE INDEX "number_assignments_renewal_idx" ON "number_assignments" USING btree ("paid_through","id") WHERE "number_assignments"."status" in ('active', 'suspended');--> statement-breakpoint
CREATE INDEX "number_assignments_grace_idx" ON "number_assignments" USING btree ("grace_ends_at") WHERE "number_assignments"."grace_ends_at" is not null and "number_assignments"."status" <> 'released';--> statement-breakpoint
CREATE UNIQUE INDEX "number_holds_active_key" ON "number_holds" USING btree ("number_id") WHERE "number_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "number_holds_partner_idx" ON "number_holds" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "number_holds_number_idx" ON "number_holds" USING btree ("number_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "number_purchases_partner_key" ON "number_purchases" USING btree ("partner_id","idempotency_key") WHERE "number_purchases"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "number_purchases_partner_idx" ON "number_purchases" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "number_purchases_partner_client_idx" ON "number_purchases" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "number_purchases_provisioning_idx" ON "number_purchases" USING btree ("created_at") WHERE "number_purchases"."status" = 'provisioning';--> statement-breakpoint
CREATE UNIQUE INDEX "numbers_environment_e164_key" ON "numbers" USING btree ("environment","e164");--> statement-breakpoint
CREATE INDEX "numbers_search_prefix_idx" ON "numbers" USING btree ("environment","country","digits" text_pattern_ops) WHERE "numbers"."status" = 'available';--> statement-breakpoint
CREATE INDEX "numbers_search_suffix_idx" ON "numbers" USING btree ("environment","country",reverse("digits") text_pattern_ops) WHERE "numbers"."status" = 'available';--> statement-breakpoint
CREATE INDEX "numbers_search_contains_idx" ON "numbers" USING gin ("digits" gin_trgm_ops) WHERE "numbers"."status" = 'available';--> statement-breakpoint
CREATE INDEX "numbers_search_region_idx" ON "numbers" USING btree ("environment","country","region","type","digits") WHERE "numbers"."status" = 'available';--> statement-breakpoint
CREATE INDEX "numbers_partner_idx" ON "numbers" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "numbers_partner_client_idx" ON "numbers" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "numbers_masking_pool_idx" ON "numbers" USING btree ("partner_id","client_id","id") WHERE "numbers"."masking" and "numbers"."status" = 'assigned';--> statement-breakpoint
CREATE INDEX "numbers_hold_expiry_idx" ON "numbers" USING btree ("hold_expires_at") WHERE "numbers"."status" = 'held';--> statement-breakpoint
CREATE INDEX "numbers_quarantine_idx" ON "numbers" USING btree ("reusable_after") WHERE "numbers"."status" = 'quarantined';