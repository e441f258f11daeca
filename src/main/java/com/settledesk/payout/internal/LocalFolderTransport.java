package com.settledesk.payout.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The bank's folders on a local or mounted file system ({@code settledesk.bank.folder}: outgoing/, incoming/,
 * archive/). The demo's simulated bank works on the same folders.
 */
@Component
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'iso20022' and '${settledesk.bank.transport:folder}' == 'folder'")
class LocalFolderTransport implements BankFileTransport {

	private final Path outgoing;
	private final Path incoming;
	private final Path archive;

	LocalFolderTransport(@Value("${settledesk.bank.folder:data/bank}") Path root) throws IOException {
		this.outgoing = Files.createDirectories(root.resolve("outgoing"));
		this.incoming = Files.createDirectories(root.resolve("incoming"));
		this.archive = Files.createDirectories(root.resolve("archive"));
	}

	@Override
	public void send(String name, byte[] content) throws IOException {
		Path partial = outgoing.resolve("." + name + ".part");
		Files.write(partial, content);
		Files.move(partial, outgoing.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public List<String> incoming() throws IOException {
		try (Stream<Path> files = Files.list(incoming)) {
			return files.filter(f -> !f.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(f -> f.getFileName().toString()))
				.map(f -> f.getFileName().toString())
				.toList();
		}
	}

	@Override
	public byte[] read(String name) throws IOException {
		return Files.readAllBytes(incoming.resolve(name));
	}

	@Override
	public void archive(String name) throws IOException {
		Files.move(incoming.resolve(name), archive.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	Path outgoingFolder() {
		return outgoing;
	}

	Path incomingFolder() {
		return incoming;
	}
}
