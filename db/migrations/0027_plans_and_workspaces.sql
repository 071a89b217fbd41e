CREATE TYPE "public"."billing_period" AS ENUM('monthly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."workspace_charge_kind" AS ENUM('subscription', 'renewal', 'upgrade', 'addon');--> statement-breakpoint
CREATE TYPE "public"."workspace_pause_code" AS ENUM('manual', 'limit_exceeded', 'renewal_unpaid');--> statement-breakpoint
CREATE TYPE "public"."workspace_status" AS ENUM('active', 'paused', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'workspace_points';--> statement-breakpoint
CREATE TABLE "partner_plan_offers" (
	"partner_id" text NOT NULL,
	"item_id" text NOT NULL,
	"offered" boolean DEFAULT true NOT NULL,
	"monthly_retail" bigint,
	"yearly_retail" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_plan_offers_partner_id_item_id_pk" PRIMARY KEY("partner_id","item_id"),
	CONSTRAINT "partner_plan_offers_nonnegative" CHECK (coalesce("partner_plan_offers"."monthly_retail", 0) >= 0 and coalesce("partner_plan_offers"."yearly_retail", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_addons" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"adds" jsonb NOT NULL,
	"monthly_list" bigint NOT NULL,
	"yearly_list" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_addons_prices_nonnegative" CHECK ("plan_addons"."monthly_list" >= 0 and "plan_addons"."yearly_list" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"limits" jsonb NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"is_free" boolean DEFAULT false NOT NULL,
	"monthly_list" bigint NOT NULL,
	"yearly_list" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_prices_nonnegative" CHECK ("plans"."monthly_list" >= 0 and "plans"."yearly_list" >= 0)
);
--> statement-breakpoint
CREATE TABLE "workspace_addons" (
	"workspace_id" text NOT NULL,
	"addon_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"pending_quantity" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_addons_workspace_id_addon_id_pk" PRIMARY KEY("workspace_id","addon_id"),
	CONSTRAINT "workspace_addons_quantity" CHECK ("workspace_addons"."quantity" >= 0 and coalesce("workspace_addons"."pending_quantity", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "workspace_billing_info" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"legal_name" text NOT NULL,
	"gstin" text,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"pincode" text NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" "workspace_charge_kind" NOT NULL,
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"set_id" text,
	"retail" bigint NOT NULL,
	"wholesale" bigint NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"plan_id" text NOT NULL,
	"pending_plan_id" text,
	"billing_period" "billing_period" DEFAULT 'monthly' NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"status" "workspace_status" DEFAULT 'active' NOT NULL,
	"pause_code" "workspace_pause_code",
	"pause_reason" text,
	"paused_at" timestamp with time zone,
	"entitled" boolean DEFAULT true NOT NULL,
	"invoicing" boolean DEFAULT true NOT NULL,
	"collecting" boolean DEFAULT true NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	"usage" jsonb DEFAULT '{"bot_users":0,"members":0,"bots":0}'::jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_points_nonnegative" CHECK ("workspaces"."points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "partner_plan_offers" ADD CONSTRAINT "partner_plan_offers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_addons" ADD CONSTRAINT "workspace_addons_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_addons" ADD CONSTRAINT "workspace_addons_addon_id_plan_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."plan_addons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_billing_info" ADD CONSTRAINT "workspace_billing_info_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_billing_info" ADD CONSTRAINT "workspace_billing_info_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_charges" ADD CONSTRAINT "workspace_charges_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_charges" ADD CONSTRAINT "workspace_charges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_charges" ADD CONSTRAINT "workspace_charges_set_id_ledger_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."ledger_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_pending_plan_id_plans_id_fk" FOREIGN KEY ("pending_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_addons_code_key" ON "plan_addons" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_code_key" ON "plans" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_free_key" ON "plans" USING btree ("is_free") WHERE "plans"."is_free";--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_charges_renewal_once" ON "workspace_charges" USING btree ("workspace_id","period") WHERE "workspace_charges"."kind" = 'renewal';--> statement-breakpoint
CREATE INDEX "workspace_charges_workspace_idx" ON "workspace_charges" USING btree ("partner_id","workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "workspace_charges_partner_idx" ON "workspace_charges" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "workspaces_partner_idx" ON "workspaces" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "workspaces_partner_client_idx" ON "workspaces" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "workspaces_partner_status_idx" ON "workspaces" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "workspaces_due_idx" ON "workspaces" USING btree ("period_end") WHERE "workspaces"."status" <> 'cancelled';