package com.settledesk.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;

import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through Alibaba Cloud's official SDK (SendSms): the approved sign name, the template code registered for
 * the message's template, and its arguments as template parameters — never free text. The SDK retries nothing;
 * the dispatcher does, with backoff, for the answers that may succeed later.
 */
@Component
@ConditionalOnProperty(name = "settledesk.notification.provider", havingValue = "aliyun")
@EnableConfigurationProperties(AliyunSmsProperties.class)
class AliyunSmsProvider implements MessageProvider {

	private static final Logger log = LoggerFactory.getLogger(AliyunSmsProvider.class);
	/** Answers that will not change by asking again: the number, template or sign is wrong. */
	private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
			"isv.SMS_SIGNATURE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_PARAMETERS",
			"isv.PARAM_LENGTH_LIMIT", "isv.SMS_SIGN_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.MOBILE_COUNT_OVER_LIMIT");

	private final AliyunSmsProperties properties;
	private final JsonMapper json;
	private final Client client;
	private final RuntimeOptions runtime;

	AliyunSmsProvider(AliyunSmsProperties properties, JsonMapper json) throws Exception {
		if (blank(properties.accessKeyId()) || blank(properties.accessKeySecret()) || blank(properties.signName())) {
			throw new IllegalStateException("settledesk.notification.aliyun.access-key-id, .access-key-secret and "
					+ ".sign-name are required for SMS through Alibaba Cloud");
		}
		this.properties = properties;
		this.json = json;
		int millis = (int) properties.timeout().toMillis();
		this.client = new Client(new Config().setAccessKeyId(properties.accessKeyId())
			.setAccessKeySecret(properties.accessKeySecret()).setEndpoint(properties.endpoint())
			.setProtocol(properties.protocol()).setConnectTimeout(millis).setReadTimeout(millis));
		this.runtime = new RuntimeOptions().setAutoretry(false).setConnectTimeout(millis).setReadTimeout(millis);
	}

	@Override
	public boolean handles(Channel channel) {
		return channel == Channel.SMS;
	}

	@Override
	public String deliver(OutgoingMessage message) throws DeliveryFailedException {
		String templateCode = properties.templates() == null ? null : properties.templates().get(message.template());
		if (templateCode == null || templateCode.isBlank()) {
			throw DeliveryFailedException.refused("no Alibaba Cloud template code for " + message.template());
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < message.args().size(); i++) {
			parameters.put("p" + (i + 1), message.args().get(i));
		}
		SendSmsRequest request = new SendSmsRequest().setPhoneNumbers(message.to()).setSignName(properties.signName())
			.setTemplateCode(templateCode).setTemplateParam(json.writeValueAsString(parameters))
			.setOutId(message.id().toString());
		SendSmsResponse response;
		try {
			response = client.sendSmsWithOptions(request, runtime);
		}
		catch (Exception e) {
			throw DeliveryFailedException.unreachable("Alibaba Cloud not reached: " + e.getClass().getSimpleName());
		}
		var body = response.getBody();
		String code = body == null ? null : body.getCode();
		if ("OK".equals(code)) {
			log.info("SMS {} to {} accepted by Alibaba Cloud as {}", message.template(), Masking.maskPhone(message.to()),
					body.getBizId());
			return body.getBizId();
		}
		String reason = "Alibaba Cloud answered " + code;
		throw code != null && PERMANENT.contains(code) ? DeliveryFailedException.refused(reason)
				: DeliveryFailedException.later(reason);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
