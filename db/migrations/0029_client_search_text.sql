DROP INDEX "clients_partner_id_idx";--> statement-breakpoint
DROP INDEX "clients_search_idx";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower("name" || ' ' || "email")) STORED;--> statement-breakpoint
CREATE INDEX "clients_partner_id_idx" ON "clients" USING btree ("partner_id","id","search_text");--> statement-breakpoint
CREATE INDEX "clients_search_idx" ON "clients" USING gin ("search_text" gin_trgm_ops);