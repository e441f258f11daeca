package com.settledesk.demo.internal;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With a demo history to write, the one clock of the app becomes a {@link ReplayClock} around the usual one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${settledesk.demo.enabled:false} and ${settledesk.demo.history-days:0} > 0")
class DemoHistoryConfiguration {

	@Bean
	static BeanPostProcessor replayClockAroundTheClock() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof Clock clock && !(bean instanceof ReplayClock) ? new ReplayClock(clock) : bean;
			}
		};
	}
}
