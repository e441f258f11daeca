package com.settledesk.testsupport;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.settledesk.settlementaccount.SettlementAccountChanged;

/** Test-only: the SettlementAccountChanged events that were published by a committed transaction. */
@Component
public class RecordedAccountChanges {

	private final List<SettlementAccountChanged> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(SettlementAccountChanged event) {
		events.add(event);
	}

	public List<SettlementAccountChanged> of(UUID merchantId) {
		return events.stream().filter(e -> e.merchantId().equals(merchantId)).toList();
	}
}
