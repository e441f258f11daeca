package com.settledesk.secrets.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.settledesk.secrets.AuditChainKeys;
import com.settledesk.secrets.SensitiveDataProtector;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

	@Bean
	SensitiveDataProtector sensitiveDataProtector(SecretsProperties properties) {
		return AesGcmProtector.from(properties);
	}

	@Bean
	AuditChainKeys auditChainKeys(SecretsProperties properties) {
		return JdkAuditChainKeys.from(properties);
	}
}
