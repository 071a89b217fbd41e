DROP INDEX "clients_partner_created_idx";--> statement-breakpoint
DROP INDEX "audit_log_partner_created_idx";--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "partners" USING gin (("name" || ' ' || "slug") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_partner_id_idx" ON "clients" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "clients_partner_status_idx" ON "clients" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "clients_partner_name_idx" ON "clients" USING btree ("partner_id","name","id");--> statement-breakpoint
CREATE INDEX "clients_search_idx" ON "clients" USING gin (("name" || ' ' || "email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_partner_idx" ON "audit_log" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_partner_action_idx" ON "audit_log" USING btree ("partner_id","action" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "audit_log_partner_target_idx" ON "audit_log" USING btree ("partner_id","target_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_partner_actor_idx" ON "audit_log" USING btree ("partner_id","actor_type","id");--> statement-breakpoint
CREATE INDEX "api_request_log_partner_status_idx" ON "api_request_log" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "events_partner_type_idx" ON "events" USING btree ("partner_id","type","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_status_idx" ON "webhook_deliveries" USING btree ("endpoint_id","status","id");--> statement-breakpoint
CREATE INDEX "registrations_partner_status_idx" ON "registrations" USING btree ("partner_id","status","id");--> statement-breakpoint
CREATE INDEX "registrations_search_idx" ON "registrations" USING gin (("name" || ' ' || "email") gin_trgm_ops);