package com.settledesk.secrets;

/**
 * The keys that make the audit chain survive someone who can write to the database: a keyed hash seals each
 * entry (HMAC-SHA-256, the key id stored beside the hash so keys can rotate) and an Ed25519 key signs the
 * chain's head for anchors kept outside the database. Neither key is ever in the database.
 */
public interface AuditChainKeys {

	/** The id of the key new entries are sealed with. */
	String activeSealKeyId();

	/** Whether entries sealed with this key id can be checked (the active key or a retired one). */
	boolean knowsSealKey(String keyId);

	/** HMAC-SHA-256 of the content under the named key, as hex; fails for an unknown key id. */
	String seal(String keyId, byte[] content);

	/** An Ed25519 signature of the content, base64. */
	String signAnchor(byte[] content);

	/** Whether the base64 signature is this key's signature of the content; false for anything malformed. */
	boolean anchorSignatureHolds(byte[] content, String signature);

	/** The anchor key's public half (X.509, base64), for checking anchors outside the application. */
	String anchorPublicKey();
}
