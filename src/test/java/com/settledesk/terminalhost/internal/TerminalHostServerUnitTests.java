package com.settledesk.terminalhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TerminalHostServerUnitTests {

	@Test
	void stopping_lets_the_request_in_flight_finish_its_answer_and_then_closes_the_port() throws Exception {
		CountDownLatch working = new CountDownLatch(1);
		TerminalHostService service = mock(TerminalHostService.class);
		when(service.handle(any())).thenAnswer(call -> {
			working.countDown();
			Thread.sleep(500);
			return Optional.of(new byte[] { 0x08, 0x10 });
		});
		TerminalHostServer server = new TerminalHostServer(service,
				new HostMetrics(new SimpleMeterRegistry(), java.time.Clock.systemUTC()), 0, Duration.ofSeconds(60), 4);
		server.start();
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5_000);
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.writeShort(5 + 12);
			out.write(IsoTerminal.TPDU);
			out.write(new byte[12]);
			out.flush();
			assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
			DataInputStream in = new DataInputStream(socket.getInputStream());
			int length = in.readUnsignedShort();
			byte[] body = new byte[length];
			in.readFully(body);
			assertThat(body).endsWith(0x08, 0x10);
			stopping.get(10, TimeUnit.SECONDS);
			assertThat(server.isRunning()).isFalse();
		}
		assertThat(canConnect(server.port())).as("the port is closed").isFalse();
	}

	@Test
	void a_frame_over_the_size_limit_closes_that_connection() throws Exception {
		TerminalHostService service = mock(TerminalHostService.class);
		TerminalHostServer server = new TerminalHostServer(service,
				new HostMetrics(new SimpleMeterRegistry(), java.time.Clock.systemUTC()), 0, Duration.ofSeconds(60), 2);
		server.start();
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5_000);
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.writeShort(5 + TerminalHostServer.MAX_MESSAGE + 1);
			out.flush();
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
		finally {
			server.stop();
		}
	}

	private static boolean canConnect(int port) {
		try (Socket ignored = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (java.io.IOException e) {
			return false;
		}
	}
}
