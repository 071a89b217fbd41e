CREATE TABLE "email_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"message_type" text NOT NULL,
	"subject" text NOT NULL,
	"heading" text NOT NULL,
	"body" text NOT NULL,
	"button_label" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sending_domains" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"domain" text NOT NULL,
	"from_local_part" text DEFAULT 'notifications' NOT NULL,
	"dkim_selector" text NOT NULL,
	"dkim_public_key" text NOT NULL,
	"sealed_dkim_private_key" text NOT NULL,
	"record_status" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"verified_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_members" ADD COLUMN "invite_token_hash" text;--> statement-breakpoint
ALTER TABLE "client_members" ADD COLUMN "invite_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_domains" ADD CONSTRAINT "sending_domains_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_templates_partner_type_key" ON "email_templates" USING btree ("partner_id","message_type");--> statement-breakpoint
CREATE UNIQUE INDEX "sending_domains_partner_key" ON "sending_domains" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "sending_domains_domain_idx" ON "sending_domains" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "client_members_partner_client_idx" ON "client_members" USING btree ("partner_id","client_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_members_invite_token_key" ON "client_members" USING btree ("invite_token_hash") WHERE "client_members"."invite_token_hash" is not null;