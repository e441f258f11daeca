/**
 * Audit (审计): who did what, to which record, when, from where, with the state before and after (masked).
 * Append-only and tamper-evident: each entry carries the hash of the previous one, and the chain can be
 * verified end to end.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.settledesk.audit;
