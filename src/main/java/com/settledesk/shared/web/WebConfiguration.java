package com.settledesk.shared.web;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The web's language (Chinese first; "?lang=en" or zh-CN switches and a cookie keeps the choice for a year) and its
 * static files.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("settledesk-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			String header = request.getHeader("Accept-Language");
			return header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
					: Locale.SIMPLIFIED_CHINESE;
		});
		return resolver;
	}

	/**
	 * Static files and WebJars are served under URLs that carry a hash of their content (pages link them
	 * through {@code @{...}}, which the resource chain rewrites), so they can be cached for a year as immutable;
	 * for the same reason no Last-Modified is worked out (it opened the jar for every request: a tenth of a
	 * static file's time under wrk).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// before the controllers' mappings, so a file is not first matched against every endpoint's pattern
		// (a fifth of its request time under wrk); Boot's catch-all "/**" is off (spring.web.resources.add-mappings)
		registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
		CacheControl aYear = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(aYear)
			.setUseLastModified(false)
			.resourceChain(true)
			.addResolver(new InMemoryResourceResolver())
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : StaticFiles.OWN_FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(aYear)
				.setUseLastModified(false)
				.resourceChain(true)
				.addResolver(new InMemoryResourceResolver())
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/**
	 * Static files are left out of {@code http.server.requests}: served from memory under content-hashed URLs they
	 * say nothing about the service, and the observation was 7 % of a file's request time under wrk.
	 */
	@Bean
	ObservationPredicate staticFilesUnobserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& StaticFiles.contains(request.getCarrier().getRequestURI()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
