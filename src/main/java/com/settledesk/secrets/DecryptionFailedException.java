package com.settledesk.secrets;

/** The ciphertext was altered, truncated, or made with a key this installation does not have. */
public class DecryptionFailedException extends RuntimeException {

	public DecryptionFailedException(String message, Throwable cause) {
		super(message, cause);
	}
}
