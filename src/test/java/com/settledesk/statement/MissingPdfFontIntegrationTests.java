package com.settledesk.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.shared.ClockConfiguration;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MutableClock;

/** Without a CJK font no PDF can be made: the API says so in problem+json, the portal in a page of words. */
@IntegrationTest
@TestPropertySource(properties = "settledesk.pdf.font=/nonexistent/font.ttf")
class MissingPdfFontIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MutableClock clock;

	@Test
	void a_pdf_that_cannot_be_made_is_explained_in_words_to_the_api_and_the_portal() {
		String today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).toString();
		var api409 = api.get("/api/v1/merchant/statements/" + today + "/file?format=pdf", api.token("13800000001"));
		assertThat(api409.status()).isEqualTo(409);
		assertThat(api409.json().get("code").asString()).isEqualTo("PDF_FONT_MISSING");

		String session = api.webLogin("13800000001");
		var page = api.send(api.builder("/statements/" + today + "/file?format=pdf", null).header("Cookie", session)
			.header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(409);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("fonts-wqy-zenhei", "CSV").doesNotContain("\"code\"");
	}
}
