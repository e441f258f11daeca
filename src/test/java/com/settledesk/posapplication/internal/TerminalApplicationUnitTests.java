package com.settledesk.posapplication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.settledesk.posapplication.ApplicationDraft;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.ChargeKind;
import com.settledesk.terminal.TerminalKind;
import com.settledesk.terminal.TerminalModel;

class TerminalApplicationUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
	private static final TerminalModel MODEL = new TerminalModel("PAX-A920", "百富 A920", "PAX A920", TerminalKind.SMART,
			ChargeKind.DEPOSIT, Money.ofFen(29900), Money.ZERO, Set.of("CARD_CHIP"));
	private static final String BUSINESS = "北京市东城区东华门街道 1 号";

	@Test
	void every_move_the_status_does_not_allow_is_a_conflict() {
		record Move(String name, Consumer<TerminalApplication> action, EnumSet<ApplicationStatus> allowedFrom) {
		}
		List<Move> moves = List.of(
				new Move("approve", a -> a.approve("r", null, NOW), EnumSet.of(ApplicationStatus.SUBMITTED)),
				new Move("reject", a -> a.reject("r", "no", NOW),
						EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.NEEDS_INFO)),
				new Move("requestInformation", a -> a.requestInformation("r", "photo", NOW),
						EnumSet.of(ApplicationStatus.SUBMITTED)),
				new Move("resubmit", a -> a.resubmit(draft(), "o", NOW), EnumSet.of(ApplicationStatus.NEEDS_INFO)),
				new Move("cancel", a -> a.cancel("o", NOW),
						EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.NEEDS_INFO)),
				new Move("ship", a -> a.ship(Carrier.SF, "SF123456", "t", NOW), EnumSet.of(ApplicationStatus.APPROVED)),
				new Move("delivered", a -> a.delivered("courier", NOW, NOW), EnumSet.of(ApplicationStatus.SHIPPED)));
		for (Move move : moves) {
			for (ApplicationStatus from : ApplicationStatus.values()) {
				TerminalApplication application = new TerminalApplication(UUID.randomUUID(), "PA20261127-0001",
						MerchantId.random(), draft(), from, 0);
				if (move.allowedFrom().contains(from)) {
					move.action().accept(application);
					assertThat(application.events()).hasSize(1);
				}
				else {
					assertThatThrownBy(() -> move.action().accept(application)).as(move.name() + " from " + from)
						.isInstanceOf(StateConflictException.class);
					assertThat(application.status).isEqualTo(from);
				}
			}
		}
	}

	@Test
	void the_installation_place_defaults_to_the_business_address_and_another_place_needs_a_reason() {
		ValidDraft atShop = ValidDraft.of(new ApplicationDraft("PAX-A920", 1, BUSINESS, "张三", "13800000001", null, null),
				MODEL, BUSINESS);
		assertThat(atShop.installationAddress()).isEqualTo(BUSINESS);
		assertThatThrownBy(() -> ValidDraft.of(new ApplicationDraft("PAX-A920", 1, BUSINESS, "张三", "13800000001",
				"上海市浦东新区世纪大道 1 号", " "), MODEL, BUSINESS))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.code()).isEqualTo("REASON_REQUIRED")));
		assertThat(ValidDraft.of(new ApplicationDraft("PAX-A920", 1, BUSINESS, "张三", "13800000001",
				"上海市浦东新区世纪大道 1 号", "分店"), MODEL, BUSINESS).installationReason()).isEqualTo("分店");
	}

	@Test
	void quantity_is_one_to_five_and_every_bad_field_is_named_at_once() {
		assertThatThrownBy(() -> ValidDraft.of(new ApplicationDraft("NOPE", 6, " ", null, "123", null, null), null, BUSINESS))
			.isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
				.extracting(v -> v.field() + ":" + v.code())
				.contains("modelCode:UNKNOWN_MODEL", "quantity:OUT_OF_RANGE", "deliveryAddress:REQUIRED",
						"contactName:REQUIRED", "contactPhone:INVALID_PHONE"));
		assertThatThrownBy(() -> ValidDraft.of(new ApplicationDraft("PAX-A920", 0, BUSINESS, "张三", "13800000001", null,
				null), MODEL, BUSINESS)).isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void a_city_is_read_from_the_head_of_a_chinese_address() {
		assertThat(AddressCities.cityOf("北京市东城区东华门街道 1 号")).contains("北京市");
		assertThat(AddressCities.cityOf("广东省深圳市南山区科技园")).contains("广东省深圳市");
		assertThat(AddressCities.cityOf("新疆维吾尔自治区乌鲁木齐市天山区")).contains("新疆维吾尔自治区乌鲁木齐市");
		assertThat(AddressCities.cityOf("No. 1 Main Street")).isEmpty();
		assertThat(AddressCities.cityOf(null)).isEmpty();
	}

	private static ValidDraft draft() {
		return new ValidDraft(MODEL, 1, BUSINESS, "张三", "13800000001", BUSINESS, null);
	}
}
