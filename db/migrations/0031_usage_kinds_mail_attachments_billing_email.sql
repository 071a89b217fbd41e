ALTER TYPE "public"."usage_kind" ADD VALUE 'flow_executions';--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tax_profiles" ADD COLUMN "email" text;