package com.settledesk.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DemoPreparationGateUnitTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	DemoPreparationGateUnitTests() {
		messages.addMessage("demo.preparing.title", Locale.SIMPLIFIED_CHINESE, "正在准备演示数据");
		messages.addMessage("demo.preparing.detail", Locale.SIMPLIFIED_CHINESE, "已完成 {0}/{1} 天 \"<b>\"");
	}

	@Test
	void while_the_history_is_written_the_api_gets_a_503_problem_with_retry_after() throws Exception {
		MockHttpServletResponse response = pass(new MockHttpServletRequest("POST", "/api/v1/auth/token"), true);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503", "已完成 12/60 天 \\\"<b>\\\"");
	}

	@Test
	void a_browser_gets_a_page_with_the_progress_that_reloads_itself_escaped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Accept", "text/html,application/xhtml+xml");
		MockHttpServletResponse response = pass(request, true);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("http-equiv=\"refresh\"", "<progress max=\"60\" value=\"12\"",
				"正在准备演示数据", "&quot;&lt;b&gt;&quot;").doesNotContain("\"<b>\"");
	}

	@Test
	void the_apps_own_simulated_providers_and_everything_afterwards_pass() throws Exception {
		assertThat(pass(new MockHttpServletRequest("POST", "/sim/verification/v1/verify"), true).getStatus()).isEqualTo(200);
		assertThat(pass(new MockHttpServletRequest("GET", "/api/v1/merchant/profile"), false).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse pass(MockHttpServletRequest request, boolean preparing) throws Exception {
		DemoPreparationGate gate = new DemoPreparationGate(new HistoryProgress() {
			@Override
			public boolean preparing() {
				return preparing;
			}

			@Override
			public int daysWritten() {
				return 12;
			}

			@Override
			public int days() {
				return 60;
			}
		}, messages);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		gate.doFilter(request, response, chain);
		assertThat(chain.getRequest() != null).isEqualTo(!preparing || request.getRequestURI().startsWith("/sim/"));
		return response;
	}
}
