package com.settledesk.shared;

import java.io.IOException;
import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Event listeners run after commit on their own threads (Spring Modulith); jobs run on a schedule. A listener that
 * fails leaves its publication incomplete in the registry, to be handed over again: a party that cannot be reached
 * (a broker or server down) is a line in the log while that lasts, anything else an error with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return AsyncConfiguration::failed;
	}

	static void failed(Throwable failure, Method method, Object... arguments) {
		String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
		IOException unreachable = unreachable(failure);
		if (unreachable != null) {
			log.warn("{} could not reach its party ({}); the event stays in the publication registry and goes again",
					listener, unreachable.toString());
		}
		else {
			log.error("{} failed; the event stays in the publication registry", listener, failure);
		}
	}

	private static IOException unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException io) {
				return io;
			}
		}
		return null;
	}
}
