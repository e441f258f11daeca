/**
 * POS applications (POS机申请): a merchant owner asks for terminals, operators review the application with its
 * risk signals, terminal operations ship serial numbers from stock, the courier confirms delivery. The deposit
 * (押金) or the first month's rent is charged through the ledger on approval, and a returned terminal's
 * deposit comes back through the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "POS applications")
package com.settledesk.posapplication;
