package com.settledesk.cardchange.internal;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.secrets.SensitiveDataProtector;

/**
 * The code in the notice's stop link (how the holder of the registered phone stops a change). Derived from
 * the request id with the fingerprint key, so it need not be stored: only its fingerprint is, for lookup.
 */
final class StopCodes {

	private StopCodes() {
	}

	static String codeFor(SensitiveDataProtector protector, ChangeRequestId id) {
		return protector.fingerprint("stop-link:" + id).substring(0, 20);
	}
}
