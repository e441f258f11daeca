package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AsyncFailureLogUnitTests {

	void listener() {
	}

	@Test
	void a_party_that_cannot_be_reached_is_one_warning_line_without_a_stack_trace(CapturedOutput output)
			throws Exception {
		AsyncConfiguration.failed(new IllegalStateException("publish failed", new ConnectException("Connection refused")),
				getClass().getDeclaredMethod("listener"));
		assertThat(output.getOut() + output.getErr()).contains("WARN", "AsyncFailureLogUnitTests.listener",
				"Connection refused").doesNotContain("\tat ");
	}

	@Test
	void any_other_failure_is_an_error_with_its_stack_trace(CapturedOutput output) throws Exception {
		AsyncConfiguration.failed(new IllegalStateException("a bug"), getClass().getDeclaredMethod("listener"));
		assertThat(output.getOut() + output.getErr()).contains("ERROR", "a bug", "\tat ");
	}
}
