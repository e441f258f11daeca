/**
 * Acquiring (收单): transactions captured by the gateway from POS terminals and QR codes, idempotent on the
 * retrieval reference; the merchant's fee plan (费率) prices each one, and each is posted to the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Acquiring")
package com.settledesk.acquiring;
