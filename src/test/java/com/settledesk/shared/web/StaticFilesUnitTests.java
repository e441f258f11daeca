package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticFilesUnitTests {

	@Test
	void only_paths_inside_the_static_folders_and_the_favicon_are_static_files() {
		assertThat(StaticFiles.contains("/css/app-0a1b2c.css")).isTrue();
		assertThat(StaticFiles.contains("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
		assertThat(StaticFiles.contains("/favicon.ico")).isTrue();
		assertThat(StaticFiles.contains("/cssx/app.css")).isFalse();
		assertThat(StaticFiles.contains("/api/v1/merchant/profile")).isFalse();
		assertThat(StaticFiles.contains(null)).isFalse();
		assertThat(StaticFiles.PATTERNS).containsExactly("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
	}
}
