package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;

/** Static files are served ahead of the controllers from their own folders only; everything else reaches its page. */
@IntegrationTest
class StaticResourcesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebServerApplicationContext web;

	@Test
	void styles_scripts_and_webjars_are_served_immutable_and_nothing_else_is_taken_for_a_file() throws IOException {
		var css = api.send(api.builder("/css/app.css", null).GET());
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.contentType()).startsWith("text/css");
		assertThat(css.header("Cache-Control")).contains("immutable");
		assertThat(api.download("/css/app.css", null)).isEqualTo(new ClassPathResource("static/css/app.css")
			.getContentAsByteArray());
		assertThat(api.send(api.builder("/webjars/htmx.org/dist/htmx.min.js", null).GET()).status()).isEqualTo(200);
		assertThat(api.send(api.builder("/js/app.js", null).GET()).status()).isEqualTo(200);
		assertThat(api.send(api.builder("/css/missing.css", null).GET()).status()).isEqualTo(404);
		// no catch-all: a page's path reaches its controller (here: sign in first), a file at the root is not served
		var page = api.send(api.builder("/transactions", null).header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
		assertThat(api.send(api.builder("/application.properties", null).GET()).status()).isIn(302, 401, 404);
	}

	@Test
	void static_files_are_not_timed_as_requests_while_everything_else_is() throws InterruptedException {
		api.send(api.builder("/css/app.css", null).GET());
		api.send(api.builder("/webjars/htmx.org/dist/htmx.min.js", null).GET());
		api.send(api.builder("/actuator/health/liveness", null).GET());

		// a request's timer stops after its answer went out: wait for the last one's
		for (int i = 0; i < 100 && uris().stream().noneMatch(uri -> uri.startsWith("/actuator/health")); i++) {
			Thread.sleep(20);
		}
		assertThat(uris()).anyMatch(uri -> uri.startsWith("/actuator/health"))
			.noneMatch(uri -> uri.startsWith("/css") || uri.startsWith("/webjars"));
	}

	@Test
	void the_stylesheet_with_its_headers_fits_the_socket_buffer_so_it_leaves_in_one_write() throws IOException {
		var tomcat = (TomcatWebServer) web.getWebServer();
		var css = api.send(api.builder("/css/app.css", null).GET());
		int headers = css.headers().entrySet().stream()
			.mapToInt(h -> h.getKey().length() + 4 + String.join(", ", h.getValue()).length()).sum() + 64;

		assertThat(String.valueOf(tomcat.getTomcat().getConnector().getProperty("socket.appWriteBufSize")))
			.isEqualTo(String.valueOf(ContainerConfiguration.SOCKET_WRITE_BUFFER));
		assertThat(new ClassPathResource("static/css/app.css").contentLength() + headers)
			.isLessThan(ContainerConfiguration.SOCKET_WRITE_BUFFER);
	}

	private List<String> uris() {
		return meters.find("http.server.requests").timers().stream().map(timer -> timer.getId().getTag("uri")).toList();
	}
}
