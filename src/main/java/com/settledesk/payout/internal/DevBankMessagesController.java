package com.settledesk.payout.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

/** GET /api/v1/dev/bank/messages: the ISO 20022 files exchanged with the bank, as the demo shows them (demo only). */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
@ConditionalOnProperty(name = "settledesk.bank.channel", havingValue = "iso20022")
class DevBankMessagesController {

	private static final Set<String> TYPES = Set.of("pain.001", "pain.002", "camt.054", "camt.053");

	private final Iso20022BankChannel channel;

	DevBankMessagesController(Iso20022BankChannel channel) {
		this.channel = channel;
	}

	@GetMapping("/api/v1/dev/bank/messages")
	List<MessageResponse> messages(@RequestParam(required = false) String type, @RequestParam(defaultValue = "20") int limit) {
		if (type != null && !TYPES.contains(type)) {
			throw new ValidationFailedException(new FieldViolation("type", "INVALID"));
		}
		return channel.messages(type, limit).stream()
			.map(m -> new MessageResponse(m.type(), m.name(), Timestamps.forDisplay(m.createdAt()), channel.content(m)))
			.toList();
	}

	record MessageResponse(String type, String name, OffsetDateTime createdAt, String xml) {
	}
}
