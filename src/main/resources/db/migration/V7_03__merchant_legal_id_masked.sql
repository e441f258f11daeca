-- The masked legal id kept beside its ciphertext, so that reading a merchant (every capture does) needs no
-- decryption; rows from before are masked from the ciphertext when read.
ALTER TABLE merchant ADD COLUMN legal_id_masked VARCHAR(32);
