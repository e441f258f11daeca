/**
 * The merchant portal (商户端): phone-first pages for merchant owners and cashiers, built on the other
 * modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Merchant portal")
package com.settledesk.portal;
