package com.settledesk.terminalhost.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A POS terminal over TCP as the profile describes it: frames with a length and a TPDU, sign-on taking its MAC key
 * from field 62 under its master key, and X9.19 MACs computed here with the JDK (not with the host's code).
 */
final class IsoTerminal implements AutoCloseable {

	static final byte[] TPDU = { 0x60, 0x00, 0x01, 0x00, 0x02 };

	private final Socket socket;
	private final DataInputStream in;
	private final OutputStream out;
	final String terminalId;
	final String merchantNo;
	private final byte[] masterKey;
	private byte[] macKey;
	String batch = "000001";
	private int stan;

	IsoTerminal(int port, String terminalId, String merchantNo, String masterKeyHex) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(10_000);
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.terminalId = terminalId;
		this.merchantNo = merchantNo;
		this.masterKey = HexBytes.parse(masterKeyHex);
	}

	String nextStan() {
		return String.format("%06d", ++stan);
	}

	IsoMessage signOn() throws IOException {
		IsoMessage answer = exchange(new IsoMessage("0800").set(11, nextStan()).set(41, terminalId).set(42, merchantNo)
			.set(60, batch), false);
		if ("00".equals(answer.text(39))) {
			macKey = macKeyOf(answer.text(62), masterKey);
		}
		return answer;
	}

	/** Takes a MAC key delivered another way (a sign-on through another host instance). */
	void adoptKey(String field62) {
		macKey = macKeyOf(field62, masterKey);
	}

	IsoMessage purchase(String stan, String pan, long amountFen, String entryMode) throws IOException {
		return exchange(purchaseMessage(stan, pan, amountFen, entryMode), true);
	}

	IsoMessage purchaseMessage(String stan, String pan, long amountFen, String entryMode) {
		return new IsoMessage("0200").set(2, pan).set(3, "000000").set(4, String.format("%012d", amountFen))
			.set(11, stan).set(22, entryMode).set(25, "00").set(41, terminalId).set(42, merchantNo).set(49, "156")
			.set(60, batch);
	}

	IsoMessage voidPurchase(String pan, long amountFen, String originalRrn) throws IOException {
		return exchange(new IsoMessage("0200").set(2, pan).set(3, "200000").set(4, String.format("%012d", amountFen))
			.set(11, nextStan()).set(22, "051").set(25, "00").set(37, originalRrn).set(41, terminalId).set(42, merchantNo)
			.set(49, "156").set(60, batch), true);
	}

	IsoMessage reversal(String originalStan, long amountFen) throws IOException {
		return exchange(new IsoMessage("0400").set(3, "000000").set(4, String.format("%012d", amountFen))
			.set(11, originalStan).set(22, "051").set(25, "00").set(39, "98").set(41, terminalId).set(42, merchantNo)
			.set(49, "156").set(60, batch), true);
	}

	IsoMessage settle(String totals) throws IOException {
		return exchange(new IsoMessage("0500").set(11, nextStan()).set(41, terminalId).set(42, merchantNo)
			.set(48, totals).set(60, batch), true);
	}

	/** Sends the message (with a MAC when asked) and reads the answer, checking the answer's own MAC. */
	IsoMessage exchange(IsoMessage request, boolean withMac) throws IOException {
		byte[] answer = sendRaw(packWithMac(request, withMac));
		IsoMessage message = Iso8583Codec.unpack(answer);
		if (message.has(64) && macKey != null) {
			byte[] expected = mac(Arrays.copyOf(answer, answer.length - 8));
			if (!Arrays.equals(expected, message.bytes(64))) {
				throw new IllegalStateException("The host's answer has a wrong MAC");
			}
		}
		return message;
	}

	byte[] packWithMac(IsoMessage request, boolean withMac) {
		if (!withMac) {
			return Iso8583Codec.pack(request);
		}
		request.set(64, new byte[8]);
		byte[] packed = Iso8583Codec.pack(request);
		byte[] mac = mac(Arrays.copyOf(packed, packed.length - 8));
		System.arraycopy(mac, 0, packed, packed.length - 8, 8);
		return packed;
	}

	/** Sends one framed message and reads one framed answer (its TPDU checked); answers the message. */
	byte[] sendRaw(byte[] message) throws IOException {
		byte[] frame = new byte[2 + TPDU.length + message.length];
		int length = TPDU.length + message.length;
		frame[0] = (byte) (length >> 8);
		frame[1] = (byte) length;
		System.arraycopy(TPDU, 0, frame, 2, TPDU.length);
		System.arraycopy(message, 0, frame, 2 + TPDU.length, message.length);
		out.write(frame);
		out.flush();
		return readAnswer();
	}

	byte[] readAnswer() throws IOException {
		int length = in.readUnsignedShort();
		byte[] body = new byte[length];
		in.readFully(body);
		byte[] tpdu = Arrays.copyOf(body, 5);
		if (!Arrays.equals(tpdu, new byte[] { 0x60, 0x00, 0x02, 0x00, 0x01 })) {
			throw new IllegalStateException("The answer's TPDU does not swap the addresses: " + HexBytes.hex(tpdu));
		}
		return Arrays.copyOfRange(body, 5, body.length);
	}

	void writeRaw(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** Whether the host closed the connection (a read ends). */
	boolean closedByHost() {
		try {
			return in.read() == -1;
		}
		catch (IOException e) {
			return true;
		}
	}

	byte[] mac(byte[] data) {
		return x919(macKey, data);
	}

	/** The MAC key of a sign-on answer's field 62 under the master key, its check value verified. */
	static byte[] macKeyOf(String field62, byte[] masterKey) {
		byte[] key = tdes(Cipher.DECRYPT_MODE, masterKey, HexBytes.parse(field62.substring(0, 32)));
		byte[] check = Arrays.copyOf(tdes(Cipher.ENCRYPT_MODE, key, new byte[8]), 4);
		if (!HexBytes.hex(check).equals(field62.substring(32))) {
			throw new IllegalStateException("The MAC key's check value does not match");
		}
		return key;
	}

	// A terminal keeps its ciphers; so does each benchmark thread (looking one up costs more than a MAC).
	private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("DES/CBC/NoPadding"));
	private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(() -> cipher("DES/ECB/NoPadding"));

	private static Cipher cipher(String transformation) {
		try {
			return Cipher.getInstance(transformation);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** ANSI X9.19 with the JDK's DES: CBC under K1 over the zero-padded data, then decrypt K2, encrypt K1. */
	static byte[] x919(byte[] macKey, byte[] data) {
		try {
			Cipher des = CBC.get();
			byte[] padded = Arrays.copyOf(data, (data.length + 7) / 8 * 8);
			des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(macKey, 8), "DES"),
					new javax.crypto.spec.IvParameterSpec(new byte[8]));
			byte[] cbc = des.doFinal(padded);
			byte[] last = Arrays.copyOfRange(cbc, cbc.length - 8, cbc.length);
			Cipher ecb = ECB.get();
			ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(macKey, 8, 16), "DES"));
			last = ecb.doFinal(last);
			ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(macKey, 8), "DES"));
			return ecb.doFinal(last);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] tdes(int mode, byte[] key16, byte[] data) {
		try {
			byte[] key = new byte[24];
			System.arraycopy(key16, 0, key, 0, 16);
			System.arraycopy(key16, 0, key, 16, 8);
			Cipher cipher = Cipher.getInstance("DESede/ECB/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "DESede"));
			return cipher.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
