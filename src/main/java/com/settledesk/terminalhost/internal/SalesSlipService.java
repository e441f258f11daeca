package com.settledesk.terminalhost.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminalhost.SalesSlip;
import com.settledesk.terminalhost.SalesSlips;

@Service
class SalesSlipService implements SalesSlips {

	private final JdbcClient jdbc;
	private final Merchants merchants;

	SalesSlipService(JdbcClient jdbc, Merchants merchants) {
		this.jdbc = jdbc;
		this.merchants = merchants;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SalesSlip> slip(MerchantId merchantId, UUID transactionId) {
		Optional<MerchantProfile> merchant = merchants.find(merchantId);
		if (merchant.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT * FROM host_message WHERE transaction_id = :id AND merchant_id = :merchant AND kind = 'PURCHASE'
				  AND response_code = '00'""")
			.param("id", transactionId).param("merchant", merchantId.value())
			.query((rs, row) -> new SalesSlip(transactionId, merchant.get().name(), merchant.get().merchantNo(),
					rs.getString("terminal_id"), rs.getString("pan_masked"), rs.getString("entry_mode"),
					Money.ofFen(rs.getLong("amount_fen")), rs.getString("rrn"), rs.getString("auth_code"),
					rs.getString("batch_no"), rs.getString("stan"),
					Timestamps.fromDb(rs.getObject("received_at", OffsetDateTime.class)), rs.getBoolean("voided"),
					rs.getBoolean("reversed")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> withSlips(MerchantId merchantId, Collection<UUID> transactionIds) {
		Set<UUID> found = new HashSet<>();
		List<UUID> ids = List.copyOf(new HashSet<>(transactionIds));
		for (int from = 0; from < ids.size(); from += 500) {
			found.addAll(jdbc.sql("""
					SELECT transaction_id FROM host_message WHERE merchant_id = :merchant AND kind = 'PURCHASE'
					  AND response_code = '00' AND transaction_id IN (:ids)""")
				.param("merchant", merchantId.value()).param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query((rs, row) -> rs.getObject(1, UUID.class)).list());
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> withCardEnding(MerchantId merchantId, String lastDigits, int limit) {
		if (lastDigits == null || !lastDigits.matches("\\d{4}")) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT transaction_id FROM host_message WHERE merchant_id = :merchant AND kind = 'PURCHASE'
				  AND response_code = '00' AND transaction_id IS NOT NULL AND pan_masked LIKE :ending
				ORDER BY received_at DESC LIMIT :limit""")
			.param("merchant", merchantId.value()).param("ending", "%" + lastDigits)
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, row) -> rs.getObject(1, UUID.class)).list());
	}
}
