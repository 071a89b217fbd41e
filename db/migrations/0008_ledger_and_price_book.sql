CREATE TYPE "public"."ledger_account_kind" AS ENUM('operator_revenue', 'operator_funding', 'partner_prepaid', 'partner_days', 'partner_points', 'partner_revenue', 'partner_funding', 'client_wallet', 'client_days', 'client_points');--> statement-breakpoint
CREATE TYPE "public"."ledger_transfer_kind" AS ENUM('top_up', 'charge', 'refund', 'purchase', 'allocation', 'reclaim', 'adjustment', 'expiry');--> statement-breakpoint
CREATE TYPE "public"."ledger_transfer_status" AS ENUM('posted', 'pending', 'voided');--> statement-breakpoint
CREATE TYPE "public"."ledger_unit" AS ENUM('inr', 'points', 'days');--> statement-breakpoint
CREATE TABLE "client_validity" (
	"client_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"valid_till" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"set_id" text NOT NULL,
	"product" text NOT NULL,
	"object_id" text,
	"retail" bigint NOT NULL,
	"wholesale" bigint NOT NULL,
	"commission" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissions_margin" CHECK ("commissions"."commission" = "commissions"."retail" - "commissions"."wholesale")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text,
	"kind" "ledger_account_kind" NOT NULL,
	"unit" "ledger_unit" NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"held" bigint DEFAULT 0 NOT NULL,
	"min_balance" bigint DEFAULT 0,
	"version" bigint DEFAULT 0 NOT NULL,
	"low_balance_threshold" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_owner_key" UNIQUE NULLS NOT DISTINCT("partner_id","kind","unit","client_id"),
	CONSTRAINT "ledger_accounts_floor" CHECK ("ledger_accounts"."min_balance" is null or "ledger_accounts"."balance" - "ledger_accounts"."held" >= "ledger_accounts"."min_balance"),
	CONSTRAINT "ledger_accounts_held_nonnegative" CHECK ("ledger_accounts"."held" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"account_id" text NOT NULL,
	"transfer_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"account_version" bigint NOT NULL,
	"kind" "ledger_transfer_kind" NOT NULL,
	"object_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" "ledger_transfer_kind" NOT NULL,
	"idempotency_key" text,
	"request_digest" text,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"set_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"unit" "ledger_unit" NOT NULL,
	"amount" bigint NOT NULL,
	"debit_account_id" text NOT NULL,
	"credit_account_id" text NOT NULL,
	"kind" "ledger_transfer_kind" NOT NULL,
	"status" "ledger_transfer_status" DEFAULT 'posted' NOT NULL,
	"pending_id" text,
	"expires_at" timestamp with time zone,
	"reverses_id" text,
	"client_id" text,
	"product" text,
	"object_id" text,
	"memo" text,
	"reference" text,
	"metadata" jsonb,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transfers_amount_positive" CHECK ("ledger_transfers"."amount" > 0),
	CONSTRAINT "ledger_transfers_two_accounts" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"ok" boolean NOT NULL,
	"accounts" integer NOT NULL,
	"transfers" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"details" jsonb,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_prices" (
	"product" text PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_prices_nonnegative" CHECK ("list_prices"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "retail_prices" (
	"partner_id" text NOT NULL,
	"product" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retail_prices_partner_id_product_pk" PRIMARY KEY("partner_id","product"),
	CONSTRAINT "retail_prices_nonnegative" CHECK ("retail_prices"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tier_discounts" (
	"tier" "partner_tier" PRIMARY KEY NOT NULL,
	"discount_bps" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_discounts_range" CHECK ("tier_discounts"."discount_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "wholesale_overrides" (
	"partner_id" text NOT NULL,
	"product" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wholesale_overrides_partner_id_product_pk" PRIMARY KEY("partner_id","product"),
	CONSTRAINT "wholesale_overrides_nonnegative" CHECK ("wholesale_overrides"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "client_validity" ADD CONSTRAINT "client_validity_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_validity" ADD CONSTRAINT "client_validity_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_set_id_ledger_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."ledger_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_sets" ADD CONSTRAINT "ledger_sets_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_set_id_ledger_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."ledger_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_debit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("debit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_credit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("credit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retail_prices" ADD CONSTRAINT "retail_prices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wholesale_overrides" ADD CONSTRAINT "wholesale_overrides_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commissions_partner_idx" ON "commissions" USING btree ("partner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "commissions_partner_client_idx" ON "commissions" USING btree ("partner_id","client_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_client_idx" ON "ledger_accounts" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_account_version_key" ON "ledger_entries" USING btree ("account_id","account_version");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_transfer_account_key" ON "ledger_entries" USING btree ("transfer_id","account_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_statement_idx" ON "ledger_entries" USING btree ("partner_id","account_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_statement_kind_idx" ON "ledger_entries" USING btree ("partner_id","account_id","kind","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_statement_object_idx" ON "ledger_entries" USING btree ("partner_id","account_id","object_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_sets_partner_key" ON "ledger_sets" USING btree ("partner_id","idempotency_key") WHERE "ledger_sets"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_pending_key" ON "ledger_transfers" USING btree ("pending_id") WHERE "ledger_transfers"."pending_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_key" ON "ledger_transfers" USING btree ("reverses_id") WHERE "ledger_transfers"."reverses_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transfers_set_idx" ON "ledger_transfers" USING btree ("set_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_partner_idx" ON "ledger_transfers" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_partner_kind_idx" ON "ledger_transfers" USING btree ("partner_id","kind","id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_open_holds_idx" ON "ledger_transfers" USING btree ("expires_at") WHERE "ledger_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "operator_alerts_open_idx" ON "operator_alerts" USING btree ("created_at") WHERE "operator_alerts"."resolved_at" is null;