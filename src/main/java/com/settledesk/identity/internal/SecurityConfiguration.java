package com.settledesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.settledesk.identity.Role;
import com.settledesk.shared.web.Problems;
import com.settledesk.shared.web.StaticFiles;

/**
 * Who may reach what. Three chains: the API (stateless bearer tokens, problem+json), management and API
 * docs, and the web (form login, session, CSRF). Each denies whatever it does not name.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final String[] MERCHANT = { Role.MERCHANT_OWNER.name(), Role.MERCHANT_CASHIER.name() };
	private static final String[] OPERATOR = { Role.REVIEWER.name(), Role.SENIOR_REVIEWER.name(), Role.AGENT.name(),
			Role.FINANCE.name(), Role.TERMINAL_OPERATOR.name(), Role.ADMIN.name() };
	/** Terminal applications, stock, shipping, returns and locks: reviewers and terminal operations. */
	private static final String[] TERMINALS = { Role.REVIEWER.name(), Role.SENIOR_REVIEWER.name(),
			Role.TERMINAL_OPERATOR.name(), Role.ADMIN.name() };
	/** Change requests and their materials (ID photos) are for the people who review them. */
	private static final String[] REVIEWS = { Role.REVIEWER.name(), Role.SENIOR_REVIEWER.name(), Role.ADMIN.name() };
	/** Money decisions: settlement runs on demand, answers to fee disputes. */
	private static final String[] MONEY = { Role.FINANCE.name(), Role.ADMIN.name() };
	private static final String[] MERCHANT_OR_OPERATOR = { Role.MERCHANT_OWNER.name(), Role.MERCHANT_CASHIER.name(),
			Role.REVIEWER.name(), Role.SENIOR_REVIEWER.name(), Role.AGENT.name(), Role.FINANCE.name(),
			Role.TERMINAL_OPERATOR.name(), Role.ADMIN.name() };

	/**
	 * No observation around each security filter: JFR under wrk (bench/request-path.sh) put a sixth of a static
	 * file's request time in those wrappers. Every request is still observed as a whole (http.server.requests).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Static files and the liveness and readiness probes: public, so no session, token, CSRF or saved request is
	 * read or written for them — the cheapest a request can be (a static file crossed about fifteen filters
	 * before) — with the same privacy headers.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.securityMatcher(Stream.concat(StaticFiles.PATTERNS.stream(),
				Stream.of("/actuator/health/liveness", "/actuator/health/readiness")).toArray(String[]::new))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.logout(logout -> logout.disable())
			.headers(SecurityConfiguration::privacyHeaders);
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
			AccessDeniedHandler problemAccessDenied, JwtAuthenticationConverter jwtConverter) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/sms-code", "/api/v1/auth/password-reset")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/logout").authenticated()
				// Development endpoints exist only in the demo profile; elsewhere nothing answers but 404.
				.requestMatchers("/api/v1/dev/**").permitAll()
				// A cashier (收银员) sees the shop and its transactions; money, card and documents are the owner's.
				// A terminal activates itself with its serial number and one-time code (rate-limited, no login).
				.requestMatchers(HttpMethod.POST, "/api/v1/terminals/activation").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/terminal-models").hasAnyRole(MERCHANT_OR_OPERATOR)
				.requestMatchers(HttpMethod.GET, "/api/v1/merchant/profile", "/api/v1/merchant/transactions",
						"/api/v1/merchant/terminals", "/api/v1/merchant/terminals/*", "/api/v1/merchant/transactions/*/slip")
				.hasAnyRole(MERCHANT)
				// Owner and cashier both ask customer service (客服) and read the saved answers.
				.requestMatchers("/api/v1/merchant/tickets", "/api/v1/merchant/tickets/**", "/api/v1/merchant/help")
				.hasAnyRole(MERCHANT)
				.requestMatchers("/api/v1/merchant/**").hasRole(Role.MERCHANT_OWNER.name())
				.requestMatchers("/api/v1/card-bins/**").hasAnyRole(MERCHANT_OR_OPERATOR)
				// a job is answered only to the user who started it
				.requestMatchers("/api/v1/jobs/**").hasAnyRole(MERCHANT_OR_OPERATOR)
				.requestMatchers("/api/v1/ops/users/**", "/api/v1/ops/audit/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/api/v1/ops/settlement-card/**", "/api/v1/ops/attachments/**").hasAnyRole(REVIEWS)
				.requestMatchers(HttpMethod.POST, "/api/v1/ops/terminal-applications/*/approve",
						"/api/v1/ops/terminal-applications/*/reject", "/api/v1/ops/terminal-applications/*/request-info")
				.hasAnyRole(REVIEWS)
				.requestMatchers("/api/v1/ops/terminal-applications/**", "/api/v1/ops/terminal-stock/**",
						"/api/v1/ops/terminals/**", "/api/v1/ops/terminal-relocations/**")
				.hasAnyRole(TERMINALS)
				.requestMatchers(HttpMethod.POST, "/api/v1/ops/settlement/runs", "/api/v1/ops/fee-disputes/**")
				.hasAnyRole(MONEY)
				.requestMatchers("/api/v1/ops/**").hasAnyRole(OPERATOR)
				.requestMatchers("/api/v1/acquiring/**").hasRole(Role.GATEWAY.name())
				.anyRequest().denyAll())
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfiguration::privacyHeaders)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
				.authenticationEntryPoint(problemEntryPoint)
				.accessDeniedHandler(problemAccessDenied))
			.exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain managementChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
			AccessDeniedHandler problemAccessDenied, JwtAuthenticationConverter jwtConverter) throws Exception {
		http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
				.anyRequest().denyAll())
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfiguration::privacyHeaders)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
				.authenticationEntryPoint(problemEntryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http, LoginService loginService, UserAccountRepository users, Clock clock)
			throws Exception {
		SessionFreshness sessionFreshness = new SessionFreshness(users);
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/login/sms", "/login/sms/code", "/login/reset", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
				.permitAll()
				// The stop link of a change notice works without login; development pages exist only in the demo.
				.requestMatchers("/stop/**", "/dev/**").permitAll()
				// The demo's simulated outside parties check their callers' signatures themselves, like the real ones.
				.requestMatchers("/sim/**").permitAll()
				.requestMatchers("/ops/card-changes/**", "/ops/attachments/**").hasAnyRole(REVIEWS)
				.requestMatchers(HttpMethod.POST, "/ops/fee-disputes/**").hasAnyRole(MONEY)
				.requestMatchers(HttpMethod.POST, "/ops/terminal-applications/*/approve",
						"/ops/terminal-applications/*/reject", "/ops/terminal-applications/*/request-info")
				.hasAnyRole(REVIEWS)
				.requestMatchers("/ops/terminal-applications/**", "/ops/terminals/**", "/ops/terminal-stock/**",
						"/ops/terminal-host")
				.hasAnyRole(TERMINALS)
				.requestMatchers("/ops", "/ops/**").hasAnyRole(OPERATOR)
				.requestMatchers("/jobs/**").hasAnyRole(MERCHANT_OR_OPERATOR)
				.requestMatchers("/").authenticated()
				.requestMatchers(HttpMethod.GET, "/transactions", "/transactions/*", "/transactions/*/slip", "/transactions/*/slip.pdf")
				.hasAnyRole(MERCHANT)
				.requestMatchers("/tickets", "/tickets/**", "/help", "/me").hasAnyRole(MERCHANT)
				.anyRequest().hasRole(Role.MERCHANT_OWNER.name()))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/sim/**"))
			.authenticationProvider(new PasswordLoginProvider(loginService))
			.formLogin(form -> form.loginPage("/login")
				.successHandler((request, response, authentication) -> {
					SessionFreshness.signedIn(request.getSession(), clock.instant());
					var user = CurrentUsers.from(authentication);
					response.sendRedirect(request.getContextPath() + (user != null && user.isOperator() ? "/ops" : "/"));
				})
				.failureHandler((request, response, exception) -> response.sendRedirect(
						request.getContextPath() + (exception instanceof LockedException ? "/login?locked" : "/login?error"))))
			.addFilterBefore(sessionFreshness, AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> privacyHeaders(headers).contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
							+ "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	/** No URL (a stop link, a statement date) leaks to another site; no page may use camera, microphone or location. */
	private static HeadersConfigurer<HttpSecurity> privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
		return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
	}

	@Bean
	AuthenticationEntryPoint problemEntryPoint(Problems problems) {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			problems.write(request, response, problems.of(request, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"));
		};
	}

	@Bean
	AccessDeniedHandler problemAccessDenied(Problems problems) {
		return (request, response, exception) -> problems.write(request, response,
				problems.of(request, HttpStatus.FORBIDDEN, "FORBIDDEN"));
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_SENIOR_REVIEWER > ROLE_REVIEWER
				ROLE_MERCHANT_OWNER > ROLE_MERCHANT_CASHIER
				""");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecretKey tokenSigningKey(SecurityProperties properties) {
		return new SecretKeySpec(TokenSecrets.resolve(properties).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey tokenSigningKey, Clock clock, JdbcClient jdbc, TokenStates states) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// The issuer is a name, not a URL: the default conversion tried it as one and threw, on every request.
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
		expiry.setClock(clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(TokenService.ISSUER),
				new TokenStateValidator(jdbc, clock, states)));
		return decoder;
	}

	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(TokenService.CLAIM_ROLE);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}
}
