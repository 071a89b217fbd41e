CREATE TYPE "public"."template_install_kind" AS ENUM('install', 'upgrade');--> statement-breakpoint
CREATE TYPE "public"."template_install_status" AS ENUM('applied', 'failed');--> statement-breakpoint
CREATE TABLE "installed_items" (
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"detached" boolean DEFAULT false NOT NULL,
	"install_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisioning_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"draft" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_installs" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" "template_install_kind" NOT NULL,
	"status" "template_install_status" NOT NULL,
	"items" jsonb NOT NULL,
	"error" text,
	"idempotency_key" text,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installed_items" ADD CONSTRAINT "installed_items_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installed_items" ADD CONSTRAINT "installed_items_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installed_items" ADD CONSTRAINT "installed_items_template_id_provisioning_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."provisioning_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_templates" ADD CONSTRAINT "provisioning_templates_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_installs" ADD CONSTRAINT "template_installs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_installs" ADD CONSTRAINT "template_installs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_installs" ADD CONSTRAINT "template_installs_template_id_provisioning_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."provisioning_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_template_id_provisioning_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."provisioning_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "installed_items_client_item_key" ON "installed_items" USING btree ("client_id","kind","key");--> statement-breakpoint
CREATE INDEX "installed_items_partner_template_idx" ON "installed_items" USING btree ("partner_id","template_id","client_id");--> statement-breakpoint
CREATE INDEX "provisioning_templates_partner_idx" ON "provisioning_templates" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "provisioning_templates_published_idx" ON "provisioning_templates" USING btree ("id") WHERE "provisioning_templates"."published";--> statement-breakpoint
CREATE UNIQUE INDEX "template_installs_idempotency_key" ON "template_installs" USING btree ("partner_id","idempotency_key") WHERE "template_installs"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "template_installs_partner_idx" ON "template_installs" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "template_installs_client_idx" ON "template_installs" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE INDEX "template_installs_template_idx" ON "template_installs" USING btree ("partner_id","template_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "template_versions_template_version_key" ON "template_versions" USING btree ("template_id","version");