package com.settledesk.shared.web;

import java.util.List;
import java.util.stream.Stream;

/**
 * Where static files are served, named once: the folders {@link WebConfiguration} maps, which the public security
 * chain lets through without a session and the request observation leaves out.
 */
public final class StaticFiles {

	/** The application's own folders under {@code classpath:/static/}. */
	static final List<String> OWN_FOLDERS = List.of("css", "js", "img");

	private static final String FAVICON = "/favicon.ico";

	private static final List<String> PREFIXES = Stream.concat(OWN_FOLDERS.stream(), Stream.of("webjars"))
		.map(folder -> "/" + folder + "/")
		.toList();

	/** URL patterns of every static file: those folders, the WebJars and the favicon. */
	public static final List<String> PATTERNS = Stream.concat(PREFIXES.stream().map(prefix -> prefix + "**"),
			Stream.of(FAVICON)).toList();

	private StaticFiles() {
	}

	static boolean contains(String path) {
		if (path == null) {
			return false;
		}
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return path.equals(FAVICON);
	}
}
