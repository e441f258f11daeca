/**
 * POS terminals (终端): serial number, model, the merchant and settlement account they are bound to
 * (终端绑定), install address and status. Gateways check a terminal before accepting its transactions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terminals")
package com.settledesk.terminal;
