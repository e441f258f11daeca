package com.settledesk.console.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/ops/summary for any operator. */
@RestController
class OpsSummaryController {

	private final OpsSummaries summaries;

	OpsSummaryController(OpsSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/ops/summary")
	OpsSummaries.OpsSummary summary() {
		return summaries.current();
	}
}
