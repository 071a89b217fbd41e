-- Trigram indexes make substring search (ILIKE '%…%') on names and e-mails an index look-up instead of a scan.
-- PostgreSQL ships pg_trgm in its contrib package; the embedded database loads it from PGlite's contrib build.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
