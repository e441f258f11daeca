/**
 * The operations console (运营后台): pages and summary API for reviewers, senior reviewers, customer
 * service, risk, finance and administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations console")
package com.settledesk.console;
