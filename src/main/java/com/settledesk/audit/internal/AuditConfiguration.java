package com.settledesk.audit.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

	@Bean
	AnchorFolder anchorFolder(AuditProperties properties) {
		return new AnchorFolder(properties.anchorDirectory());
	}
}
