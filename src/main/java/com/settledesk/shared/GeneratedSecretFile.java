package com.settledesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret the demo generates at its first start and keeps in a file only its user can read (under ./data),
 * so restarts keep it and no secret is a constant in the source. Two instances starting at once agree on the
 * first one written.
 */
public final class GeneratedSecretFile {

	private GeneratedSecretFile() {
	}

	/** The file's text, trimmed; when there is no file yet, {@code generate} makes it first. */
	public static String readOrCreate(Path file, Supplier<String> generate) {
		try {
			if (!Files.exists(file)) {
				Path parent = file.toAbsolutePath().getParent();
				Files.createDirectories(parent);
				Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
				restrict(temporary);
				Files.writeString(temporary, generate.get(), StandardCharsets.US_ASCII);
				try {
					Files.move(temporary, file);
				}
				catch (FileAlreadyExistsException anotherInstanceWasFirst) {
					Files.deleteIfExists(temporary);
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the generated secret in " + file, e);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file inherits the folder's access rules
		}
	}
}
