/**
 * Merchants (商户): number, kind, business name, legal representative (ID stored encrypted), contact phone
 * for one-time codes, status, fee plan and settlement mode (D0/T1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Merchants")
package com.settledesk.merchant;
