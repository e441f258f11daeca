-- Entries are sealed with a keyed hash (HMAC-SHA-256); the id of the key beside each hash lets keys rotate.
-- Entries written before this carry none: the application re-seals them at its next start, after checking
-- their old plain chain.
ALTER TABLE audit_entry ADD COLUMN key_id VARCHAR(32);
