/**
 * Protection of card, account and ID numbers: AES-256-GCM encryption at rest with the key id stored beside
 * the ciphertext (so keys can rotate while old ones still decrypt) and a keyed HMAC fingerprint for lookups
 * and duplicate detection without decrypting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets")
package com.settledesk.secrets;
