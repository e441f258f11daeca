package com.settledesk.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

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

/** Seeds the demo data when {@code settledesk.demo.enabled} is on; each piece only if it is missing. */
@Component
@ConditionalOnBooleanProperty("settledesk.demo.enabled")
public class DemoDataSeeder implements ApplicationRunner {

	public static final String PASSWORD = "Demo@2026";
	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final Merchants merchants;
	private final UserAccounts users;
	private final SettlementAccounts accounts;
	private final Terminals terminals;
	private final TerminalStock stock;

	DemoDataSeeder(Merchants merchants, UserAccounts users, SettlementAccounts accounts, Terminals terminals,
			TerminalStock stock) {
		this.stock = stock;
		this.merchants = merchants;
		this.users = users;
		this.accounts = accounts;
		this.terminals = terminals;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	public void seed() {
		MerchantProfile convenienceStore = merchant(new MerchantRegistration("822100058120001", MerchantKind.INDIVIDUAL,
				"张三便利店", "张三", "110101199003070011", "13800000001", "5411", SettlementMode.D0, "STANDARD",
				Locale.SIMPLIFIED_CHINESE, "北京市东城区东华门街道 1 号"));
		SettlementAccountView card = account(convenienceStore, new NewSettlementAccount(AccountType.PERSONAL,
				"6222024000123456788", "张三", "110101199003070011", "13800000001", null, null, null));
		user("13800000001", "张三", Role.MERCHANT_OWNER, convenienceStore);
		user("13800000002", "张三便利店收银员", Role.MERCHANT_CASHIER, convenienceStore);
		terminal("T100000001", "10000001", "0123456789ABCDEFFEDCBA9876543210", convenienceStore, card,
				"北京市东城区东华门街道 1 号");

		MerchantProfile restaurant = merchant(new MerchantRegistration("822310058120002", MerchantKind.ENTERPRISE,
				"上海禾木餐饮管理有限公司", "李四", "310104198511200021", "13900000001", "5812", SettlementMode.T1,
				"STANDARD", Locale.SIMPLIFIED_CHINESE, "上海市徐汇区漕溪北路 88 号"));
		SettlementAccountView corporate = account(restaurant, new NewSettlementAccount(AccountType.CORPORATE,
				"121909876510801", "上海禾木餐饮管理有限公司", null, null, "CMB", "招商银行上海分行徐家汇支行", "308290003374"));
		user("13900000001", "李四", Role.MERCHANT_OWNER, restaurant);
		terminal("T200000001", "20000001", "00112233445566778899AABBCCDDEEFF", restaurant, corporate,
				"上海市徐汇区漕溪北路 88 号");

		user("reviewer1", "审核员一", Role.REVIEWER, null);
		user("reviewer2", "复核员二", Role.SENIOR_REVIEWER, null);
		user("agent1", "客服一", Role.AGENT, null);
		user("finance1", "财务一", Role.FINANCE, null);
		user("terminalops1", "机具运营一", Role.TERMINAL_OPERATOR, null);
		user("admin", "系统管理员", Role.ADMIN, null);
		user("gateway", "收单网关", Role.GATEWAY, null);
		stock();
		log.info("Demo data present: 2 merchants, 10 users, 2 terminals and stock (password {} for every demo user)", PASSWORD);
	}

	private MerchantProfile merchant(MerchantRegistration registration) {
		return merchants.findByMerchantNo(registration.merchantNo()).orElseGet(() -> merchants.register(registration));
	}

	private SettlementAccountView account(MerchantProfile merchant, NewSettlementAccount account) {
		return accounts.active(merchant.id()).orElseGet(() -> accounts.bindInitial(merchant.id(), account));
	}

	private void user(String username, String displayName, Role role, MerchantProfile merchant) {
		if (!users.exists(username)) {
			users.register(new UserRegistration(username, PASSWORD, displayName, role, merchant == null ? null : merchant.id()));
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
