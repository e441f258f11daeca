/**
 * Customer service (客服): tickets (工单) a merchant opens from the portal, the API or the thing that went wrong,
 * the agents' queue with first-answer targets per category, the conversation with internal notes the merchant
 * never sees, hand-over to reviewers, finance or terminal operations, the agent's read-only view of a merchant and
 * the few audited actions an agent may take from a ticket, and the saved answers (常见问题) both sides read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package com.settledesk.servicedesk;
