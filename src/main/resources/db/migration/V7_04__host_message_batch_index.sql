-- host_message_uk (terminal_id, batch_no, stan, mti) already serves lookups by terminal and batch; the separate
-- index only cost every purchase one more index write.
DROP INDEX host_message_batch_idx;
