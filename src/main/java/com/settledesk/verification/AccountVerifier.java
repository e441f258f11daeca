package com.settledesk.verification;

/** The adapter a real verification provider implements. Never throws for a provider failure: TIMEOUT. */
public interface AccountVerifier {

	VerificationOutcome verify(FourElements elements);
}
