package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP transport against a real SFTP server started by the test (Apache MINA SSHD, in process). */
class SftpTransportIntegrationTests {

	@TempDir
	Path bankHome;

	private SshServer server;
	private final AtomicBoolean dropNextUpload = new AtomicBoolean();
	private String fingerprint;

	@BeforeEach
	void startTheBanksHost() throws IOException {
		for (String folder : List.of("outgoing", "incoming", "archive")) {
			Files.createDirectories(bankHome.resolve(folder));
		}
		server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(0);
		SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(bankHome.resolveSibling(bankHome.getFileName()
				+ "-hostkey.ser"));
		server.setKeyPairProvider(keys);
		server.setPasswordAuthenticator((user, password, session) -> "settledesk".equals(user) && "s3cret-sftp".equals(password));
		server.setFileSystemFactory(new VirtualFileSystemFactory(bankHome));
		SftpSubsystemFactory sftp = new SftpSubsystemFactory();
		sftp.addSftpEventListener(new SftpEventListener() {
			@Override
			public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
					int dataOffset, int dataLen) throws IOException {
				if (offset > 0 && dropNextUpload.compareAndSet(true, false)) {
					session.close(true);
					throw new IOException("connection dropped mid-upload");
				}
			}
		});
		server.setSubsystemFactories(List.of(sftp));
		server.start();
		PublicKey hostKey = keys.loadKeys(null).iterator().next().getPublic();
		fingerprint = KeyUtils.getFingerPrint(hostKey);
	}

	@AfterEach
	void stop() throws IOException {
		server.stop(true);
	}

	@Test
	void a_file_arrives_whole_under_its_name_and_answers_are_listed_read_and_archived() throws Exception {
		SftpTransport transport = transport(fingerprint);
		byte[] batch = "<Document>pain.001</Document>".getBytes(StandardCharsets.UTF_8);
		transport.send("SD1.pain001.xml", batch);
		assertThat(Files.readAllBytes(bankHome.resolve("outgoing/SD1.pain001.xml"))).isEqualTo(batch);
		assertThat(names("outgoing")).containsExactly("SD1.pain001.xml");

		Files.writeString(bankHome.resolve("incoming/BK1.pain002.xml"), "<Document>pain.002</Document>");
		Files.writeString(bankHome.resolve("incoming/.BK2.pain002.xml.part"), "<Doc");
		assertThat(transport.incoming()).containsExactly("BK1.pain002.xml");
		assertThat(new String(transport.read("BK1.pain002.xml"), StandardCharsets.UTF_8)).contains("pain.002");
		transport.archive("BK1.pain002.xml");
		assertThat(names("archive")).containsExactly("BK1.pain002.xml");
		assertThat(transport.incoming()).isEmpty();
		transport.destroy();
	}

	@Test
	void a_connection_dropped_mid_upload_leaves_nothing_the_bank_would_read_and_the_next_try_delivers() throws Exception {
		SftpTransport transport = transport(fingerprint);
		byte[] large = new byte[512 * 1024];
		java.util.Arrays.fill(large, (byte) 'x');
		dropNextUpload.set(true);
		assertThatThrownBy(() -> transport.send("SD2.pain001.xml", large)).isInstanceOf(IOException.class);
		assertThat(names("outgoing")).noneMatch(name -> name.equals("SD2.pain001.xml"));
		transport.send("SD2.pain001.xml", large);
		assertThat(Files.size(bankHome.resolve("outgoing/SD2.pain001.xml"))).isEqualTo(large.length);
		transport.destroy();
	}

	@Test
	void a_host_with_another_key_is_refused_before_anything_is_sent() throws Exception {
		SftpTransport transport = transport("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		assertThatThrownBy(() -> transport.send("SD3.pain001.xml", new byte[] { 1 })).isInstanceOf(IOException.class);
		assertThat(names("outgoing")).isEmpty();
		transport.destroy();
	}

	/** A generous timeout: the first SSH handshake of a busy 2-core CI machine once took over 5 s. */
	private SftpTransport transport(String pinned) {
		return new SftpTransport("127.0.0.1", server.getPort(), "settledesk", "s3cret-sftp", pinned, Duration.ofSeconds(30),
				"outgoing", "incoming", "archive");
	}

	private List<String> names(String folder) throws IOException {
		try (Stream<Path> files = Files.list(bankHome.resolve(folder))) {
			return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
		}
	}
}
