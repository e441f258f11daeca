package com.settledesk.testsupport;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestComponent;

import com.settledesk.identity.Role;
import com.settledesk.identity.UserAccounts;
import com.settledesk.identity.UserRegistration;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantRegistration;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.settlementaccount.NewSettlementAccount;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ResidentIdNumber;
import com.settledesk.terminal.Terminals;

@TestComponent
/**
 * Fresh merchants for tests that change state (one open card change per merchant): each with its own owner
 * (username = contact phone, demo password), cashier, an ICBC debit card in the legal representative's name and
 * a terminal bound to it.
 */
public class MerchantFixtures {

	private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

	private final Merchants merchants;
	private final UserAccounts users;
	private final SettlementAccounts accounts;
	private final Terminals terminals;
	private final ApiClient api;

	public MerchantFixtures(Merchants merchants, UserAccounts users, SettlementAccounts accounts, Terminals terminals,
			ApiClient api) {
		this.merchants = merchants;
		this.users = users;
		this.accounts = accounts;
		this.terminals = terminals;
		this.api = api;
	}

	public record TestMerchant(MerchantProfile profile, String owner, String cashier, String phone, String legalName,
			String legalId, String currentCard, String terminalSn) {
	}

	public TestMerchant individual() {
		return individual(SettlementMode.D0);
	}

	public TestMerchant individual(SettlementMode mode) {
		String phone = "137" + digits(8);
		String legalId = randomId();
		String legalName = "测试" + digits(3);
		MerchantProfile profile = merchants.register(new MerchantRegistration("8229" + digits(11), MerchantKind.INDIVIDUAL,
				legalName + "小店", legalName, legalId, phone, "5411", mode, "STANDARD", Locale.SIMPLIFIED_CHINESE,
				"北京市朝阳区建国路 " + digits(3) + " 号"));
		String card = icbcCard();
		var account = accounts.bindInitial(profile.id(), new NewSettlementAccount(AccountType.PERSONAL, card, legalName,
				legalId, phone, null, null, null));
		String terminalSn = "TT" + digits(10);
		terminals.registerActive(terminalSn, "PAX-A920", profile.id(), account.id(), "测试地址");
		users.register(new UserRegistration(phone, ApiClient.DEMO_PASSWORD, legalName, Role.MERCHANT_OWNER, profile.id()));
		String cashier = "c" + phone;
		users.register(new UserRegistration(cashier, ApiClient.DEMO_PASSWORD, "收银员", Role.MERCHANT_CASHIER, profile.id()));
		return new TestMerchant(profile, phone, cashier, phone, legalName, legalId, card, terminalSn);
	}

	/** A Luhn-valid 19-digit ICBC debit card number (BIN 622202). */
	public static String icbcCard() {
		String body = "622202" + digits(12);
		return body + BankCardNumbers.luhnCheckDigit(body);
	}

	public static String randomId() {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15000));
		String first17 = "110101" + birth.toString().replace("-", "") + digits(3);
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	public static String digits(int count) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			out.append(ThreadLocalRandom.current().nextInt(10));
		}
		return out.toString();
	}

	/** The newest six-digit code the development SMS provider sent to the phone. */
	public String latestCode(String phone) {
		for (var message : api.get("/api/v1/dev/outbox?to=" + phone, null).json()) {
			Matcher matcher = CODE.matcher(message.get("text").asString());
			if (message.get("text").asString().contains("验证码") && matcher.find()) {
				return matcher.group();
			}
		}
		throw new IllegalStateException("No code was sent to " + phone);
	}

	public String sendAndReadCode(String token, String phone) {
		var response = api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), token);
		if (response.status() != 202) {
			throw new IllegalStateException("Code not sent: " + response.body());
		}
		return latestCode(phone);
	}

	/** A tiny valid PNG. */
	public static byte[] png() {
		return java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
	}
}
