package bench.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stack's own ceiling for bench/request-path.sh: Spring Boot with Tomcat and Spring MVC and one empty endpoint,
 * nothing else (the benchmark's classpath holds all of SettleDesk's libraries, so only these auto-configurations are
 * imported). Outside com.settledesk so the application's component scan never sees it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class })
public class MinimalApp {

	public static void main(String[] args) {
		SpringApplication.run(MinimalApp.class, args);
	}

	@RestController
	static class Ping {

		@GetMapping("/ping")
		String ping() {
			return "";
		}
	}
}
