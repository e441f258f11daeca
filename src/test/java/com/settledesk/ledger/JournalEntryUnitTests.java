package com.settledesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

class JournalEntryUnitTests {

	@Test
	void an_entry_whose_postings_do_not_sum_to_zero_cannot_be_made() {
		assertThatThrownBy(() -> new JournalEntry("CAPTURE", "x", List.of(
				Posting.debit(LedgerAccount.CARD_NETWORK_RECEIVABLE, Money.ofFen(10000)),
				Posting.credit(LedgerAccount.merchantPayable(MerchantId.random()), Money.ofFen(9950)))))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
	}

	@Test
	void a_balanced_entry_keeps_its_non_zero_lines() {
		var entry = new JournalEntry("CAPTURE", "x", List.of(
				Posting.debit(LedgerAccount.CARD_NETWORK_RECEIVABLE, Money.ofFen(10000)),
				Posting.credit(LedgerAccount.merchantPayable(MerchantId.random()), Money.ofFen(10000)),
				Posting.credit(LedgerAccount.FEE_REVENUE, Money.ZERO)));
		assertThat(entry.postings()).hasSize(2);
	}
}
