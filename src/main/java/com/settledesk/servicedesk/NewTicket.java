package com.settledesk.servicedesk;

import java.util.List;

/** What a merchant writes when opening a ticket (api-v1.md, "Service desk"); checked by the service. */
public record NewTicket(String category, String subject, String body, String relatedId, List<String> attachmentIds) {
}
