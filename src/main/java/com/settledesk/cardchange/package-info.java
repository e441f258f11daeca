/**
 * Changing the settlement card (结算卡变更): the merchant's request with its materials, the step-up code,
 * the account verification, and the state machine of the request's whole life — SUBMITTED → PENDING_REVIEW
 * ⇄ NEEDS_INFO → (PENDING_SECOND_REVIEW →) APPROVED → SCHEDULED → EFFECTIVE, or REJECTED / CANCELLED.
 * One open request per merchant, enforced by the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement card change")
package com.settledesk.cardchange;
