package com.settledesk.servicedesk.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceDeskProperties.class)
class ServiceDeskConfiguration {
}
