CREATE INDEX "ledger_transfers_partner_created_idx" ON "ledger_transfers" USING btree ("partner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_created_idx" ON "ledger_transfers" USING btree ("created_at","id");
