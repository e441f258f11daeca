package com.settledesk.terminalhost.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The terminal host's TCP server (iso8583.md, "Transport"): a 2-byte big-endian length, the 5-byte TPDU, the
 * message; at most 2,048 bytes a message; idle connections closed after 60 s. Requests are answered in order per
 * connection on a worker group (they touch the database), never on the event loop; a stop closes the port, lets
 * the requests in flight finish, then closes the connections.
 */
@Component
class TerminalHostServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TerminalHostServer.class);
	static final int MAX_MESSAGE = 2048;
	static final int TPDU = 5;

	private final TerminalHostService service;
	private final HostMetrics metrics;
	private final int configuredPort;
	private final Duration idleTimeout;
	private final int workers;
	private final AtomicInteger inFlight = new AtomicInteger();
	private EventLoopGroup boss;
	private EventLoopGroup io;
	private EventExecutorGroup work;
	private Channel server;
	private ChannelGroup connections;
	private volatile boolean running;
	private volatile int port;

	TerminalHostServer(TerminalHostService service, HostMetrics metrics,
			@Value("${settledesk.terminal-host.port:8583}") int configuredPort,
			@Value("${settledesk.terminal-host.idle-timeout:60s}") Duration idleTimeout,
			@Value("${settledesk.terminal-host.workers:32}") int workers) {
		this.service = service;
		this.metrics = metrics;
		this.configuredPort = configuredPort;
		this.idleTimeout = idleTimeout;
		this.workers = workers;
	}

	@Override
	public void start() {
		boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
		work = new DefaultEventExecutorGroup(workers);
		connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
		ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					connections.add(channel);
					channel.pipeline()
						.addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
						.addLast(new LengthFieldBasedFrameDecoder(TPDU + MAX_MESSAGE, 0, 2, 0, 2))
						.addLast(work, new RequestHandler());
				}
			});
		server = bootstrap.bind(configuredPort).syncUninterruptibly().channel();
		port = ((InetSocketAddress) server.localAddress()).getPort();
		running = true;
		log.info("Terminal host listening on port {}", port);
	}

	@Override
	public void stop() {
		running = false;
		if (server != null) {
			server.close().syncUninterruptibly();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (connections != null) {
			connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
		}
		for (var group : new io.netty.util.concurrent.EventExecutorGroup[] { work, io, boss }) {
			if (group != null) {
				group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
			}
		}
		log.info("Terminal host stopped");
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server and the scheduled work have started; stopped before the database goes away. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	int port() {
		return port;
	}

	int inFlight() {
		return inFlight.get();
	}

	private final class RequestHandler extends SimpleChannelInboundHandler<ByteBuf> {

		@Override
		public void channelActive(ChannelHandlerContext context) {
			metrics.connected();
			context.fireChannelActive();
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			metrics.disconnected();
			context.fireChannelInactive();
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
			if (frame.readableBytes() < TPDU + 2 || frame.getByte(frame.readerIndex()) != 0x60) {
				metrics.unreadable();
				context.close();
				return;
			}
			byte[] tpdu = new byte[TPDU];
			frame.readBytes(tpdu);
			byte[] request = new byte[frame.readableBytes()];
			frame.readBytes(request);
			inFlight.incrementAndGet();
			try {
				Optional<byte[]> answer = service.handle(request);
				if (answer.isEmpty()) {
					context.close();
					return;
				}
				byte[] body = answer.get();
				ByteBuf out = context.alloc().buffer(2 + TPDU + body.length);
				out.writeShort(TPDU + body.length);
				// The answer carries the request's TPDU with destination and source swapped.
				out.writeByte(tpdu[0]).writeByte(tpdu[3]).writeByte(tpdu[4]).writeByte(tpdu[1]).writeByte(tpdu[2]);
				out.writeBytes(body);
				context.writeAndFlush(out);
			}
			finally {
				inFlight.decrementAndGet();
			}
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) {
			if (event instanceof IdleStateEvent) {
				context.close();
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			// A frame over the size limit or a broken connection: this connection ends, the others go on.
			log.debug("Terminal connection {} closed: {}", context.channel().remoteAddress(), cause.toString());
			metrics.unreadable();
			context.close();
		}
	}
}
