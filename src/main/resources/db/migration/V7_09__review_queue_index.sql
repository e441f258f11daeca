-- The review queue reads requests by status, oldest first: with a hundred thousand waiting, an index keeps it a
-- range scan of the first page.
CREATE INDEX card_change_status_submitted_idx ON card_change_request (status, submitted_at);
