-- Ledger rows are append-only: a correction is a new transfer, never an edit. Deletes stay possible only
-- through the cascade when a whole partner (and its book) is removed.
CREATE OR REPLACE FUNCTION ledger_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE ON "ledger_transfers" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_update();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_update();
--> statement-breakpoint
CREATE TRIGGER ledger_sets_append_only BEFORE UPDATE ON "ledger_sets" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_update();
--> statement-breakpoint
CREATE TRIGGER commissions_append_only BEFORE UPDATE ON "commissions" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_update();
--> statement-breakpoint
-- The tier discounts the operator starts from (editable in the console).
INSERT INTO "tier_discounts" ("tier", "discount_bps") VALUES ('standard', 2000), ('premium', 3000), ('enterprise', 4000) ON CONFLICT DO NOTHING;
