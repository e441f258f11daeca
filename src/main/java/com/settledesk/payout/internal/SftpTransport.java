package com.settledesk.payout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The bank's host over SFTP (Apache MINA SSHD). The host key is pinned: a server whose key does not have the
 * configured fingerprint is refused before anything is sent. A file is written under a temporary name and
 * renamed, so a connection dropped mid-upload leaves nothing the bank would read, and the batch stays queued
 * for the next try. Each exchange opens its own session, so a dead connection is never reused.
 */
@Component
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'iso20022' and '${settledesk.bank.transport:folder}' == 'sftp'")
class SftpTransport implements BankFileTransport, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SftpTransport.class);

	private final SshClient ssh;
	private final String host;
	private final int port;
	private final String username;
	private final String password;
	private final Duration timeout;
	private final String outgoing;
	private final String incoming;
	private final String archive;

	SftpTransport(@Value("${settledesk.bank.sftp.host}") String host, @Value("${settledesk.bank.sftp.port:22}") int port,
			@Value("${settledesk.bank.sftp.username}") String username, @Value("${settledesk.bank.sftp.password}") String password,
			@Value("${settledesk.bank.sftp.host-key-fingerprint}") String hostKeyFingerprint,
			@Value("${settledesk.bank.sftp.timeout:10s}") Duration timeout,
			@Value("${settledesk.bank.sftp.outgoing:outgoing}") String outgoing,
			@Value("${settledesk.bank.sftp.incoming:incoming}") String incoming,
			@Value("${settledesk.bank.sftp.archive:archive}") String archive) {
		if (hostKeyFingerprint == null || !hostKeyFingerprint.startsWith("SHA256:")) {
			throw new IllegalStateException("settledesk.bank.sftp.host-key-fingerprint must pin the bank's host key "
					+ "(SHA256:…, as ssh-keygen -lf prints it)");
		}
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.timeout = timeout;
		this.outgoing = outgoing;
		this.incoming = incoming;
		this.archive = archive;
		this.ssh = SshClient.setUpDefaultClient();
		ssh.setServerKeyVerifier((session, address, key) -> {
			boolean pinned = hostKeyFingerprint.equals(KeyUtils.getFingerPrint(key));
			if (!pinned) {
				log.error("The bank's SFTP host {} presented an unexpected host key {}: refused", address,
						KeyUtils.getFingerPrint(key));
			}
			return pinned;
		});
		ssh.start();
	}

	@Override
	public void send(String name, byte[] content) throws IOException {
		try (ClientSession session = session(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			String partial = outgoing + "/." + name + ".part";
			try (OutputStream out = sftp.write(partial)) {
				out.write(content);
			}
			sftp.rename(partial, outgoing + "/" + name, SftpClient.CopyMode.Overwrite);
		}
	}

	@Override
	public List<String> incoming() throws IOException {
		try (ClientSession session = session(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			List<String> names = new ArrayList<>();
			for (SftpClient.DirEntry entry : sftp.readDir(incoming)) {
				String name = entry.getFilename();
				if (!name.startsWith(".") && entry.getAttributes().isRegularFile()) {
					names.add(name);
				}
			}
			names.sort(null);
			return names;
		}
	}

	@Override
	public byte[] read(String name) throws IOException {
		try (ClientSession session = session(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
				InputStream in = sftp.read(incoming + "/" + name)) {
			return in.readAllBytes();
		}
	}

	@Override
	public void archive(String name) throws IOException {
		try (ClientSession session = session(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			sftp.rename(incoming + "/" + name, archive + "/" + name, SftpClient.CopyMode.Overwrite);
		}
	}

	private ClientSession session() throws IOException {
		ClientSession session = ssh.connect(username, host, port).verify(timeout).getSession();
		try {
			session.addPasswordIdentity(password);
			session.auth().verify(timeout);
			return session;
		}
		catch (IOException | RuntimeException e) {
			session.close();
			throw e;
		}
	}

	@Override
	public void destroy() {
		ssh.stop();
	}
}
