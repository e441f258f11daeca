package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import jakarta.servlet.http.HttpServletRequest;

class InMemoryResourceResolverUnitTests {

	private final InMemoryResourceResolver resolver = new InMemoryResourceResolver();

	@Test
	void a_file_is_read_once_and_then_served_from_memory_with_its_name_and_the_chains_headers() throws IOException {
		CountingFile file = new CountingFile("app.css", "body { color: #123; }".getBytes(StandardCharsets.UTF_8));

		Resource served = resolver.resolveResource(null, "app-abc.css", List.of(), chainAnswering(file));
		String first = served.getContentAsString(StandardCharsets.UTF_8);
		String second = new String(served.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(first).isEqualTo(second).isEqualTo("body { color: #123; }");
		assertThat(file.opened.get()).isEqualTo(1);
		assertThat(served.getFilename()).isEqualTo("app.css");
		assertThat(served.contentLength()).isEqualTo(21);
		assertThat(served.lastModified()).as("the CSS link transformer copies it").isEqualTo(1_700_000_000_000L);
		assertThat(((HttpResource) served).getResponseHeaders().getETag()).isEqualTo("\"abc\"");
	}

	@Test
	void a_file_larger_than_the_limit_and_a_missing_one_are_left_to_the_chain() {
		CountingFile large = new CountingFile("echarts.js", new byte[(int) InMemoryResourceResolver.LARGEST + 1]);

		assertThat(resolver.resolveResource(null, "echarts.js", List.of(), chainAnswering(large))).isSameAs(large);
		assertThat(large.opened.get()).isZero();
		assertThat(resolver.resolveResource(null, "missing.css", List.of(), chainAnswering(null))).isNull();
	}

	private static ResourceResolverChain chainAnswering(Resource resource) {
		return new ResourceResolverChain() {
			@Override
			public Resource resolveResource(HttpServletRequest request, String requestPath,
					List<? extends Resource> locations) {
				return resource;
			}

			@Override
			public String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
				return resourcePath;
			}
		};
	}

	/** A file as the version resolver hands it on (with an ETag), counting how often its content is opened. */
	private static final class CountingFile extends AbstractResource implements HttpResource {

		final AtomicInteger opened = new AtomicInteger();
		private final String name;
		private final byte[] content;

		CountingFile(String name, byte[] content) {
			this.name = name;
			this.content = content;
		}

		@Override
		public InputStream getInputStream() {
			opened.incrementAndGet();
			return new ByteArrayInputStream(content);
		}

		@Override
		public long contentLength() {
			return content.length;
		}

		@Override
		public String getFilename() {
			return name;
		}

		@Override
		public long lastModified() {
			return 1_700_000_000_000L;
		}

		@Override
		public String getDescription() {
			return "file [" + name + "]";
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setETag("\"abc\"");
			return headers;
		}
	}
}
