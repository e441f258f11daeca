package com.settledesk.integration.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ValidationFailedException;

/**
 * Where a webhook may go. Registration checks the URL's form (HTTPS in production, a host, no credentials in it);
 * every delivery resolves the host again and, in production, refuses loopback, private, shared, link-local (the
 * cloud metadata address 169.254.169.254 among them), multicast and unspecified addresses, so an endpoint cannot make
 * SettleDesk call into its own network (SSRF). The demo allows them so that a local receiver works.
 */
@Component
class TargetGuard {

	private final WebhookProperties properties;

	TargetGuard(WebhookProperties properties) {
		this.properties = properties;
	}

	/** The URL as given, or a 422 on {@code url}. */
	URI checkedUrl(String url) {
		if (url == null || url.isBlank() || url.length() > 500) {
			throw invalid(url == null || url.isBlank() ? "REQUIRED" : "TOO_LONG");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw invalid("INVALID_URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && !properties.requireHttps())) {
			throw invalid("HTTPS_REQUIRED");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw invalid("INVALID_URL");
		}
		if (!properties.allowPrivateTargets() && literalAddress(uri.getHost())) {
			checkAddresses(uri.getHost());
		}
		return uri;
	}

	/** Refuses the delivery (with the reason) when the host now resolves to an address outside the public internet. */
	void checkAtDelivery(URI uri) {
		if (!properties.allowPrivateTargets()) {
			checkAddresses(uri.getHost());
		}
	}

	private void checkAddresses(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException e) {
			throw new TargetRefused("host does not resolve");
		}
		for (InetAddress address : addresses) {
			if (notPublic(address)) {
				throw new TargetRefused("address outside the public internet");
			}
		}
	}

	static boolean notPublic(InetAddress a) {
		if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
				|| a.isMulticastAddress()) {
			return true;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet6Address) {
			// unique local fc00::/7, and IPv4-mapped addresses judged as their IPv4 address
			if ((b[0] & 0xfe) == 0xfc) {
				return true;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= b[i] == 0;
			}
			if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
				try {
					return notPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
				}
				catch (UnknownHostException e) {
					return true;
				}
			}
			return false;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		// 0.0.0.0/8, shared address space 100.64.0.0/10, benchmarking 198.18.0.0/15, reserved 240.0.0.0/4
		return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 198 && (second == 18
				|| second == 19)) || first >= 240;
	}

	private static boolean literalAddress(String host) {
		return host.matches("[0-9.]+") || host.startsWith("[") || host.contains(":")
				|| host.equalsIgnoreCase("localhost");
	}

	private static ValidationFailedException invalid(String code) {
		return new ValidationFailedException(List.of(new FieldViolation("url", code)));
	}

	/** A delivery target that is not allowed; the reason goes to the delivery log. */
	static final class TargetRefused extends RuntimeException {

		TargetRefused(String reason) {
			super(reason);
		}
	}
}
