package com.settledesk.terminalhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/**
 * A terminal written with jPOS — its ISO87BPackager and NACChannel with a TPDU header, as iso8583.md names them —
 * works with the host unchanged: sign-on, an approved purchase whose answer's MAC checks, and settlement.
 */
@IntegrationTest
class JposTerminalIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Terminals terminals;

	@Autowired
	TerminalHostServer host;

	@Test
	void a_jpos_terminal_signs_on_buys_and_settles() throws Exception {
		var merchant = fixtures.individual();
		String terminalId = "1" + MerchantFixtures.digits(7);
		terminals.injectMasterKey(merchant.terminalSn(), terminalId, TerminalHostIntegrationTests.MASTER_KEY);
		NACChannel channel = new NACChannel("127.0.0.1", host.port(), new ISO87BPackager(), IsoTerminal.TPDU);
		channel.connect();
		try {
			ISOMsg signOn = new ISOMsg("0800");
			signOn.set(11, "000001");
			signOn.set(41, terminalId);
			signOn.set(42, merchant.profile().merchantNo());
			signOn.set(60, "000001");
			channel.send(signOn);
			ISOMsg signedOn = channel.receive();
			assertThat(signedOn.getMTI()).isEqualTo("0810");
			assertThat(signedOn.getString(39)).isEqualTo("00");
			byte[] macKey = IsoTerminal.macKeyOf(signedOn.getString(62),
					HexBytes.parse(TerminalHostIntegrationTests.MASTER_KEY));

			ISOMsg purchase = new ISOMsg("0200");
			purchase.set(2, TerminalHostIntegrationTests.PAN);
			purchase.set(3, "000000");
			purchase.set(4, "000000004250");
			purchase.set(11, "000002");
			purchase.set(22, "051");
			purchase.set(25, "00");
			purchase.set(41, terminalId);
			purchase.set(42, merchant.profile().merchantNo());
			purchase.set(49, "156");
			purchase.set(60, "000001");
			ISOMsg answer = sendWithMac(channel, purchase, macKey);
			assertThat(answer.getMTI()).isEqualTo("0210");
			assertThat(answer.getString(39)).isEqualTo("00");
			assertThat(answer.getString(37)).hasSize(12);
			assertThat(answer.hasField(2)).isFalse();
			byte[] packedAnswer = answer.pack();
			assertThat(answer.getBytes(64))
				.isEqualTo(IsoTerminal.x919(macKey, Arrays.copyOf(packedAnswer, packedAnswer.length - 8)));

			ISOMsg settle = new ISOMsg("0500");
			settle.set(11, "000003");
			settle.set(41, terminalId);
			settle.set(42, merchant.profile().merchantNo());
			settle.set(48, "001000000004250000000000000000");
			settle.set(60, "000001");
			assertThat(sendWithMac(channel, settle, macKey).getString(39)).isEqualTo("00");
		}
		finally {
			channel.disconnect();
		}
		assertThat(api.get("/api/v1/merchant/transactions", api.token(merchant.owner())).body())
			.contains("\"amountFen\":4250", terminalId + "-000001-000002");
	}

	private static ISOMsg sendWithMac(NACChannel channel, ISOMsg message, byte[] macKey) throws Exception {
		message.setPackager(new ISO87BPackager());
		message.set(64, new byte[8]);
		byte[] packed = message.pack();
		message.set(64, IsoTerminal.x919(macKey, Arrays.copyOf(packed, packed.length - 8)));
		channel.send(message);
		return channel.receive();
	}
}
