-- Retrieval reference numbers (检索参考号) come from this sequence in blocks of 1,000 per instance instead of from
-- random digits: 8 random digits repeated one in a few hundred groups once a day held a few hundred thousand.
CREATE SEQUENCE host_rrn_block START WITH 1 INCREMENT BY 1000;
