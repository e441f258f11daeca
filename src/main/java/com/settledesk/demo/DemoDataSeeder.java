package com.settledesk.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.demo.internal.DemoHistory;
import com.settledesk.demo.internal.DemoHistory.Shop;
import com.settledesk.demo.internal.DemoHistory.Trade;

import com.settledesk.identity.Role;
import com.settledesk.identity.UserAccounts;
import com.settledesk.identity.UserRegistration;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantRegistration;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.NewSettlementAccount;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.terminal.TerminalModel;
import com.settledesk.terminal.TerminalStock;
import com.settledesk.terminal.Terminals;

/**
 * Seeds the demo data when {@code settledesk.demo.enabled} is on, each piece only if it is missing, and at first
 * start the shops' history ({@link DemoHistory}). It runs before the web server and the terminal host open their
 * ports, so no one signs in to a half-seeded demo.
 */
@Component
@ConditionalOnBooleanProperty("settledesk.demo.enabled")
public class DemoDataSeeder implements SmartLifecycle {

	public static final String PASSWORD = "Demo@2026";
	private static final String STORE = "822100058120001";
	private static final String RESTAURANT = "822310058120002";
	/** The store's settlement card of api-v1.md (ICBC); with a history, the card it changed to from a CCB one. */
	private static final String STORE_CARD = "6222024000123456788";
	private static final String STORE_FIRST_CARD = "6217000010123456785";
	private static final String RESTAURANT_ACCOUNT = "121909876510801";
	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final Merchants merchants;
	private final UserAccounts users;
	private final SettlementAccounts accounts;
	private final Terminals terminals;
	private final TerminalStock stock;
	private final ObjectProvider<DemoHistory> history;
	private volatile boolean seeded;

	DemoDataSeeder(Merchants merchants, UserAccounts users, SettlementAccounts accounts, Terminals terminals,
			TerminalStock stock, ObjectProvider<DemoHistory> history) {
		this.stock = stock;
		this.history = history;
		this.merchants = merchants;
		this.users = users;
		this.accounts = accounts;
		this.terminals = terminals;
	}

	@Override
	public void start() {
		seed();
		seeded = true;
	}

	@Override
	public void stop() {
		seeded = false;
	}

	@Override
	public boolean isRunning() {
		return seeded;
	}

	/** Before the web server and the terminal host, which start in later phases. */
	@Override
	public int getPhase() {
		return 0;
	}

	public void seed() {
		boolean firstStart = merchants.findByMerchantNo(STORE).isEmpty();
		DemoHistory writer = history.getIfAvailable();
		if (firstStart && writer != null) {
			// the shops opened the day before their history starts: the store with the card it later replaces,
			// the restaurant with a second terminal for its tables
			writer.asOfHistoryStart(() -> {
				seedShopsAndUsers(STORE_FIRST_CARD);
				MerchantProfile restaurant = merchants.findByMerchantNo(RESTAURANT).orElseThrow();
				terminal("T200000002", "20000002", "0F1E2D3C4B5A69788796A5B4C3D2E1F0", restaurant,
						accounts.active(restaurant.id()).orElseThrow(), "上海市徐汇区漕溪北路 88 号 二楼");
			});
		}
		else {
			seedShopsAndUsers(STORE_CARD);
		}
		if (writer != null) {
			MerchantProfile store = merchants.findByMerchantNo(STORE).orElseThrow();
			MerchantProfile restaurant = merchants.findByMerchantNo(RESTAURANT).orElseThrow();
			// the card change and the second terminal belong to shops seeded for a history; shops seeded before
			// histories existed keep what they have (ICBC card, one terminal)
			ChangeDraft toIcbc = new ChangeDraft(AccountType.PERSONAL, STORE_CARD, "张三", "110101199003070011",
					"13800000001", null, null, List.of());
			writer.writeOnceRunning(List.of(
					firstStart ? new Shop(store, "13800000001", List.of("T100000001"), STORE_FIRST_CARD,
							Trade.CONVENIENCE_STORE, toIcbc)
							: new Shop(store, "13800000001", List.of("T100000001"), STORE_CARD, Trade.CONVENIENCE_STORE, null),
					new Shop(restaurant, "13900000001", firstStart ? List.of("T200000001", "T200000002")
							: List.of("T200000001"), RESTAURANT_ACCOUNT, Trade.RESTAURANT, null)));
		}
		log.info("Demo data present: 2 merchants, 10 users, terminals and stock (password {} for every demo user)", PASSWORD);
	}

	private void seedShopsAndUsers(String storeCard) {
		List<UserRegistration> newUsers = new ArrayList<>();
		MerchantProfile convenienceStore = merchant(new MerchantRegistration(STORE, MerchantKind.INDIVIDUAL,
				"张三便利店", "张三", "110101199003070011", "13800000001", "5411", SettlementMode.D0, "STANDARD",
				Locale.SIMPLIFIED_CHINESE, "北京市东城区东华门街道 1 号"));
		SettlementAccountView card = account(convenienceStore, new NewSettlementAccount(AccountType.PERSONAL,
				storeCard, "张三", "110101199003070011", "13800000001", null, null, null));
		user(newUsers, "13800000001", "张三", Role.MERCHANT_OWNER, convenienceStore);
		user(newUsers, "13800000002", "张三便利店收银员", Role.MERCHANT_CASHIER, convenienceStore);
		terminal("T100000001", "10000001", "0123456789ABCDEFFEDCBA9876543210", convenienceStore, card,
				"北京市东城区东华门街道 1 号");

		MerchantProfile restaurant = merchant(new MerchantRegistration(RESTAURANT, MerchantKind.ENTERPRISE,
				"上海禾木餐饮管理有限公司", "李四", "310104198511200021", "13900000001", "5812", SettlementMode.T1,
				"STANDARD", Locale.SIMPLIFIED_CHINESE, "上海市徐汇区漕溪北路 88 号"));
		SettlementAccountView corporate = account(restaurant, new NewSettlementAccount(AccountType.CORPORATE,
				RESTAURANT_ACCOUNT, "上海禾木餐饮管理有限公司", null, null, "CMB", "招商银行上海分行徐家汇支行", "308290003374"));
		user(newUsers, "13900000001", "李四", Role.MERCHANT_OWNER, restaurant);
		terminal("T200000001", "20000001", "00112233445566778899AABBCCDDEEFF", restaurant, corporate,
				"上海市徐汇区漕溪北路 88 号");

		user(newUsers, "reviewer1", "审核员一", Role.REVIEWER, null);
		user(newUsers, "reviewer2", "复核员二", Role.SENIOR_REVIEWER, null);
		user(newUsers, "agent1", "客服一", Role.AGENT, null);
		user(newUsers, "finance1", "财务一", Role.FINANCE, null);
		user(newUsers, "terminalops1", "机具运营一", Role.TERMINAL_OPERATOR, null);
		user(newUsers, "admin", "系统管理员", Role.ADMIN, null);
		user(newUsers, "gateway", "收单网关", Role.GATEWAY, null);
		users.registerAll(newUsers);
		stock();
	}

	private MerchantProfile merchant(MerchantRegistration registration) {
		return merchants.findByMerchantNo(registration.merchantNo()).orElseGet(() -> merchants.register(registration));
	}

	private SettlementAccountView account(MerchantProfile merchant, NewSettlementAccount account) {
		return accounts.active(merchant.id()).orElseGet(() -> accounts.bindInitial(merchant.id(), account));
	}

	/** A demo user not there yet, to be registered with the others (their password hashes computed side by side). */
	private void user(List<UserRegistration> newUsers, String username, String displayName, Role role,
			MerchantProfile merchant) {
		if (!users.exists(username)) {
			newUsers.add(new UserRegistration(username, PASSWORD, displayName, role, merchant == null ? null : merchant.id()));
		}
	}

	/** A demo terminal with the terminal id and master key published in iso8583.md (demo profile only). */
	private void terminal(String serialNo, String terminalId, String masterKey, MerchantProfile merchant,
			SettlementAccountView account, String address) {
		if (terminals.findBySerialNo(serialNo).isEmpty()) {
			terminals.registerActive(serialNo, "PAX-A920", merchant.id(), account.id(), address);
		}
		if (terminals.findBySerialNo(serialNo).map(t -> t.terminalId() == null).orElse(false)) {
			terminals.injectMasterKey(serialNo, terminalId, masterKey);
		}
	}

	/** A few terminals of each model in the warehouse, so an application can be shipped in the demo. */
	private void stock() {
		for (TerminalModel model : terminals.models()) {
			String prefix = model.code().replaceAll("[^A-Z0-9]", "");
			prefix = prefix.substring(0, Math.min(4, prefix.length())) + "2026";
			if (terminals.findBySerialNo(prefix + "0001").isEmpty()) {
				List<String> serials = new ArrayList<>();
				for (int i = 1; i <= 6; i++) {
					serials.add(prefix + String.format("%04d", i));
				}
				stock.receive(model.code(), serials, "system");
			}
		}
	}
}
