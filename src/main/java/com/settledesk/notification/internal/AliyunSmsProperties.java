package com.settledesk.notification.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alibaba Cloud SMS (settledesk.notification.aliyun.*): the endpoint (configurable so a local server can stand
 * in), the AccessKey, the approved sign name (签名) and, per SettleDesk template, the approved template code.
 * Templates are registered at Alibaba Cloud with the parameters {@code ${p1}}, {@code ${p2}}, … in the order
 * of the arguments.
 */
@ConfigurationProperties("settledesk.notification.aliyun")
record AliyunSmsProperties(@DefaultValue("dysmsapi.aliyuncs.com") String endpoint, @DefaultValue("https") String protocol,
		String accessKeyId, String accessKeySecret, String signName, Map<String, String> templates,
		@DefaultValue("5s") Duration timeout) {

	@Override
	public String toString() {
		return "AliyunSmsProperties[endpoint=" + endpoint + ", signName=" + signName + "]";
	}
}
