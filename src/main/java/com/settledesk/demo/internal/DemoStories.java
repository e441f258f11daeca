package com.settledesk.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.Attachments;
import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.UserAccounts;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.SentMessage;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.TicketView;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.ClockConfiguration;

/**
 * What people did in the demo's history besides selling: after its D0 payout failed, the convenience store's owner
 * asks customer service, then changes the settlement card through the real flow (materials, one-time code, the
 * four-element check, review, cut-over); the restaurant asks about its returned payout; a few other questions, one
 * of them still waiting for the owner. Each step as its user, through the modules' own APIs.
 */
@Component
@ConditionalOnExpression("${settledesk.demo.enabled:false} and ${settledesk.demo.history-days:0} > 0")
class DemoStories {

	private static final Logger log = LoggerFactory.getLogger(DemoStories.class);
	private static final Pattern CODE = Pattern.compile("\\b\\d{6}\\b");
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final UserAccounts users;
	private final Attachments attachments;
	private final CardChanges cardChanges;
	private final CardChangeReviews reviews;
	private final Notifications notifications;
	private final Tickets tickets;
	private final Clock clock;

	DemoStories(UserAccounts users, Attachments attachments, CardChanges cardChanges, CardChangeReviews reviews,
			Notifications notifications, Tickets tickets, Clock clock) {
		this.users = users;
		this.attachments = attachments;
		this.cardChanges = cardChanges;
		this.reviews = reviews;
		this.notifications = notifications;
		this.tickets = tickets;
		this.clock = clock;
	}

	void morningOf(LocalDate day, int daysAgo, List<DemoHistory.Shop> shops, BiConsumer<LocalDate, LocalTime> at) {
		for (DemoHistory.Shop shop : shops) {
			boolean d0 = shop.merchant().settlementMode() == SettlementMode.D0;
			if (d0 && daysAgo == DemoHistory.FAILED_PAYOUT_DAYS_AGO - 1) {
				at.accept(day, LocalTime.of(8, 12));
				askAndGetAnswered(shop, day, at, "PAYOUT", "昨晚的结算款没有到账",
						"昨天晚上的出款显示未到账，钱去哪了？",
						"您好，银行退回了这笔出款，原因是收款账户状态异常，资金已经退回您的可结算余额，不会丢失。"
								+ "建议您在「结算卡」里更换一张正常使用的银行卡，审核通过后新卡立即生效。", true);
			}
			if (shop.cardChange() != null && daysAgo == DemoHistory.CARD_CHANGE_DAYS_AGO) {
				changeCard(shop, day, at);
			}
			if (!d0 && daysAgo == DemoHistory.RETURNED_PAYOUT_DAYS_AGO - 1) {
				at.accept(day, LocalTime.of(10, 5));
				askAndGetAnswered(shop, day, at, "PAYOUT", "出款被银行退回",
						"昨天的结算款显示被退回，对公账户是正常的，请帮忙查一下。",
						"您好，收款行以「账户已销户」退回了这笔出款，资金已回到您的余额，下一个工作日会随 T1 结算再次出款。"
								+ "如对公账户已变更，请在「结算卡」中提交新的账户。", true);
			}
		}
	}

	void eveningOf(LocalDate day, int daysAgo, List<DemoHistory.Shop> shops, BiConsumer<LocalDate, LocalTime> at) {
		for (DemoHistory.Shop shop : shops) {
			if (shop.merchant().settlementMode() != SettlementMode.D0) {
				continue;
			}
			if (daysAgo == 12) {
				at.accept(day, LocalTime.of(21, 30));
				askAndGetAnswered(shop, day, at, "FEE", "信用卡手续费是怎么算的？",
						"今天有几笔信用卡的手续费比微信的高，费率是多少？",
						"您好，按您的费率方案：扫码 0.38%，借记卡 0.5%，贷记卡 0.6%。对账单里每一笔都列有手续费，可以点「对这笔手续费有疑问」直接提问。",
						true);
			}
			if (daysAgo == 1) {
				at.accept(day, LocalTime.of(20, 15));
				askAndGetAnswered(shop, day, at, "TERMINAL", "小票打印颜色很淡",
						"最近 POS 打出来的签购单字很淡，看不清楚。",
						"您好，多半是热敏纸受潮或放反了：请换一卷新纸，光面朝打印头。换纸后还淡的话回复我们，我们安排上门维护。",
						false);
			}
		}
	}

	/** The owner asks, an agent answers 20–40 minutes later and either resolves it or waits for the owner. */
	private void askAndGetAnswered(DemoHistory.Shop shop, LocalDate day, BiConsumer<LocalDate, LocalTime> at,
			String category, String subject, String question, String answer, boolean resolved) {
		CurrentUser owner = user(shop.owner());
		LocalTime asked = clockTime();
		TicketView ticket = tickets.open(owner, new NewTicket(category, subject, question, null, List.of()),
				"demo-history-" + day + "-" + category).ticket();
		CurrentUser agent = user("agent1");
		at.accept(day, asked.plusMinutes(25));
		tickets.assign(agent, ticket.id(), null);
		tickets.answer(agent, ticket.id(), answer, false, !resolved);
		if (resolved) {
			at.accept(day, asked.plusMinutes(32));
			tickets.resolve(agent, ticket.id(), subject);
			at.accept(day, asked.plusMinutes(50));
			tickets.rate(owner, ticket.id(), 5);
		}
	}

	/**
	 * The card change as the owner makes it in the portal: three pictures, a code to the registered phone, the
	 * submission; then the four-element check and the risk score decide, a reviewer approves if one must.
	 */
	private void changeCard(DemoHistory.Shop shop, LocalDate day, BiConsumer<LocalDate, LocalTime> at) {
		CurrentUser owner = user(shop.owner());
		at.accept(day, LocalTime.of(10, 2));
		List<UUID> materials = new ArrayList<>();
		for (AttachmentKind kind : List.of(AttachmentKind.ID_FRONT, AttachmentKind.ID_BACK, AttachmentKind.CARD_FRONT)) {
			materials.add(attachments.store(owner.requireMerchant(), kind, DemoMaterials.png(kind), owner.username()).id());
		}
		at.accept(day, LocalTime.of(10, 6));
		cardChanges.sendCode(owner);
		// the code is sent at once (the dispatcher runs on its own schedule) and must not expire while awaited
		String code = await("the one-time code", () -> codeSentTo(shop.merchant().contactPhone()), () -> {
		});
		Runnable timePasses = () -> at.accept(day, clockTime().plusSeconds(2));
		at.accept(day, LocalTime.of(10, 7));
		ChangeDraft draft = shop.cardChange();
		ChangeRequestView request = cardChanges.submit(owner, new ChangeDraft(draft.accountType(), draft.accountNumber(),
				draft.accountName(), draft.holderIdNumber(), draft.reservedPhone(), draft.bankBranch(), draft.cnapsCode(),
				materials), code, "116.228.32.17", "demo-history-card-change").request();
		ChangeRequestView decided = await("the checks of the card change", () -> cardChanges
			.find(owner.requireMerchant(), request.id())
			.filter(r -> r.status() != ChangeRequestStatus.SUBMITTED && r.verificationStatus() != VerificationStatus.PENDING),
				timePasses);
		if (decided.status() == ChangeRequestStatus.PENDING_REVIEW) {
			at.accept(day, LocalTime.of(10, 41));
			reviews.approve(user("reviewer1"), request.id(), "材料齐全，四要素核验一致，持卡人为法定代表人。");
		}
		if (cardChanges.find(owner.requireMerchant(), request.id()).map(ChangeRequestView::status)
			.orElseThrow() == ChangeRequestStatus.PENDING_SECOND_REVIEW) {
			at.accept(day, LocalTime.of(11, 12));
			reviews.approve(user("reviewer2"), request.id(), "复核通过。");
		}
		await("the new card to take effect", () -> cardChanges.find(owner.requireMerchant(), request.id())
			.filter(r -> !r.status().isOpen()), timePasses);
		log.info("Demo history: the convenience store's card change of {} is {}", day,
				cardChanges.find(owner.requireMerchant(), request.id()).map(ChangeRequestView::status).orElseThrow());
	}

	private Optional<String> codeSentTo(String phone) {
		for (SentMessage message : notifications.sentTo(phone, 5)) {
			Matcher matcher = CODE.matcher(message.text());
			if (!message.sentAt().isBefore(clock.instant().minusSeconds(120)) && matcher.find()) {
				return Optional.of(matcher.group());
			}
		}
		return Optional.empty();
	}

	private LocalTime clockTime() {
		return LocalTime.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
	}

	private CurrentUser user(String username) {
		return users.actingAs(username).orElseThrow(() -> new IllegalStateException("No demo user " + username));
	}

	/**
	 * Waits for work the app does on its own (a job, an HTTP call to a simulated provider), the replayed clock moving
	 * a little at each look so that what is due later (a retry after a timeout, a cut-over) comes due.
	 */
	private static <T> T await(String what, Supplier<Optional<T>> check, Runnable timePasses) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<T> found = check.get();
			if (found.isPresent()) {
				return found.get();
			}
			timePasses.run();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("The demo history waited in vain for " + what);
	}
}
