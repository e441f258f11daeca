package com.settledesk.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where to open it. */
@Component
class StartupAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

	@EventListener
	void announce(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			String base = "http://localhost:" + port;
			String message = """

					  SettleDesk is up:  %s/
					    merchant portal  %s/        operations console  %s/ops
					    API docs         %s/swagger-ui.html
					""".formatted(base, base, base, base);
			System.out.println(message);
			log.info("SettleDesk is up at {}/", base);
		}
	}
}
