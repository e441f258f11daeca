package com.settledesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors as files in a folder outside the database (a local disk, or a mounted object store with write-once
 * retention): one small file per anchor, created new and never rewritten, named so that names sort by sequence.
 * A file that cannot be read is reported as an anchor with no valid signature, never skipped.
 */
final class AnchorFolder {

	private static final Logger log = LoggerFactory.getLogger(AnchorFolder.class);
	private static final Pattern NAME = Pattern.compile("anchor-(\\d{19})-(\\d{13,19})\\.txt");

	private final Path folder;

	AnchorFolder(Path folder) {
		this.folder = folder;
	}

	/** Writes the anchor as a new file; an anchor of the same head written at the same millisecond is kept once. */
	void append(Anchor anchor) {
		Path file = folder.resolve("anchor-%019d-%013d.txt".formatted(anchor.seq(), anchor.at().toEpochMilli()));
		String text = "seq=" + anchor.seq() + "\nhash=" + anchor.hash() + "\nat=" + anchor.at() + "\nsignature="
				+ anchor.signature() + "\n";
		try {
			Files.createDirectories(folder);
			Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			file.toFile().setReadOnly();
		}
		catch (FileAlreadyExistsException same) {
			log.debug("Anchor {} exists already", file.getFileName());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the audit anchor to " + folder, e);
		}
	}

	/** The latest anchors, oldest first; at most {@code limit}. */
	List<Anchor> latest(int limit) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> names;
		try (Stream<Path> files = Files.list(folder)) {
			names = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list the audit anchors in " + folder, e);
		}
		List<Anchor> anchors = new ArrayList<>();
		for (Path file : names.subList(Math.max(0, names.size() - limit), names.size())) {
			anchors.add(read(file));
		}
		return anchors;
	}

	Optional<Anchor> last() {
		List<Anchor> last = latest(1);
		return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
	}

	/** An anchor as written; what does not parse keeps the sequence and time of its name and no signature. */
	private static Anchor read(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		name.matches();
		long seq = Long.parseLong(name.group(1));
		Instant at = Instant.ofEpochMilli(Long.parseLong(name.group(2)));
		try {
			String hash = null;
			String signature = null;
			Instant written = null;
			Long writtenSeq = null;
			for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
				int eq = line.indexOf('=');
				if (eq < 0) {
					continue;
				}
				String value = line.substring(eq + 1);
				switch (line.substring(0, eq)) {
					case "seq" -> writtenSeq = Long.valueOf(value);
					case "hash" -> hash = value;
					case "at" -> written = Instant.parse(value);
					case "signature" -> signature = value;
					default -> {
					}
				}
			}
			if (writtenSeq == null || writtenSeq != seq || written == null) {
				return new Anchor(seq, hash, at, null);
			}
			return new Anchor(seq, hash, written, signature);
		}
		catch (IOException | RuntimeException unreadable) {
			return new Anchor(seq, null, at, null);
		}
	}
}
