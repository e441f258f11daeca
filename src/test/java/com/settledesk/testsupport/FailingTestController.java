package com.settledesk.testsupport;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only in tests: fails the way a bug would, with internals in the exception message. */
@RestController
class FailingTestController {

	@GetMapping("/api/v1/ops/test-only/failure")
	String fail() {
		throw new IllegalStateException("SELECT * FROM merchant WHERE secret = 1 in com.settledesk.Internal");
	}
}
