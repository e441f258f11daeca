package com.settledesk.terminalhost.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An ISO 8583 message of the profile: the MTI and its fields by number. Text and numeric fields are strings (as
 * the profile writes them), binary fields (52, 64) byte arrays. Its toString never shows field 2 or 52.
 */
final class IsoMessage {

	private final String mti;
	private final SortedMap<Integer, Object> fields = new TreeMap<>();

	IsoMessage(String mti) {
		this.mti = mti;
	}

	String mti() {
		return mti;
	}

	IsoMessage set(int field, String value) {
		fields.put(field, value);
		return this;
	}

	IsoMessage set(int field, byte[] value) {
		fields.put(field, value.clone());
		return this;
	}

	IsoMessage remove(int field) {
		fields.remove(field);
		return this;
	}

	boolean has(int field) {
		return fields.containsKey(field);
	}

	String text(int field) {
		Object value = fields.get(field);
		return value instanceof String s ? s : null;
	}

	byte[] bytes(int field) {
		Object value = fields.get(field);
		return value instanceof byte[] b ? b.clone() : null;
	}

	SortedMap<Integer, Object> fields() {
		return Collections.unmodifiableSortedMap(fields);
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder("IsoMessage[").append(mti);
		fields.forEach((field, value) -> {
			out.append(' ').append(field).append('=');
			if (field == 2 || field == 52) {
				out.append("***");
			}
			else if (value instanceof byte[] b) {
				out.append(HexBytes.hex(b));
			}
			else {
				out.append(value);
			}
		});
		return out.append(']').toString();
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof IsoMessage that) || !mti.equals(that.mti) || !fields.keySet().equals(that.fields.keySet())) {
			return false;
		}
		return fields.entrySet().stream().allMatch(e -> {
			Object mine = e.getValue();
			Object theirs = that.fields.get(e.getKey());
			return mine instanceof byte[] a && theirs instanceof byte[] b ? Arrays.equals(a, b) : mine.equals(theirs);
		});
	}

	@Override
	public int hashCode() {
		return mti.hashCode() * 31 + fields.keySet().hashCode();
	}
}
