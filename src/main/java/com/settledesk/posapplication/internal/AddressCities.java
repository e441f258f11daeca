package com.settledesk.posapplication.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city of a Chinese postal address, read from its head: "北京市东城区…" → 北京市, "广东省深圳市南山区…" →
 * 广东省深圳市. Without a geocoder, two places are "far apart" when their cities differ.
 */
final class AddressCities {

	private static final Pattern CITY = Pattern.compile(
			"^\\s*((?:[^省市]{2,7}?(?:省|自治区|特别行政区))?[^省市区县]{1,8}?(?:市|自治州|地区|盟))");

	private AddressCities() {
	}

	static Optional<String> cityOf(String address) {
		if (address == null) {
			return Optional.empty();
		}
		Matcher matcher = CITY.matcher(address);
		return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
	}
}
