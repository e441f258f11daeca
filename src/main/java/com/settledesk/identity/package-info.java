/**
 * Identity and access: merchant users (owner, cashier) bound to a merchant, operator users (reviewer,
 * senior reviewer, customer-service agent, admin, gateway), password login with lock-out, signed bearer
 * tokens for the API and sessions for the web, and the rules of who may reach which area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package com.settledesk.identity;
