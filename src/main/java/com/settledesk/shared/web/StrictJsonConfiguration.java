package com.settledesk.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Numbers in requests are numbers: money and counts are whole, so {@code 1.5} is refused rather than
 * truncated, and a string is never read as a number ({@code "１２３"} in full-width digits would otherwise
 * parse, since {@code Long.parseLong} accepts any Unicode digit).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictNumbers() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer, config -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float, config -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
	}
}
