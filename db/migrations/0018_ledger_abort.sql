-- Abandons the statement that calls it (and so, outside a transaction, everything that statement wrote) with
-- SQLSTATE LD001: a one-statement ledger write calls it when the set must take the full transactional path
-- instead (e.g. it crosses a low-balance threshold, whose alert e-mail is written by application code).
CREATE OR REPLACE FUNCTION ledger_abort(reason text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger statement abandoned: %', reason USING ERRCODE = 'LD001';
END;
$$;
