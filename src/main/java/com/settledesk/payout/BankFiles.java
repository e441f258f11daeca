package com.settledesk.payout;

import java.util.List;

/** The ISO 20022 files exchanged with the bank, newest first; present only when payouts go by files. */
public interface BankFiles {

	List<BankFile> recent(int limit);
}
