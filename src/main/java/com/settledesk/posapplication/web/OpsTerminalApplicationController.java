package com.settledesk.posapplication.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.posapplication.RiskSignal;
import com.settledesk.posapplication.TerminalApplications;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;

/** The operators' API of terminal applications: queue, review with risk signals, shipping, delivery. */
@RestController
@RequestMapping("/api/v1/ops/terminal-applications")
class OpsTerminalApplicationController {

	private final TerminalApplications applications;
	private final MessageSource messages;

	OpsTerminalApplicationController(TerminalApplications applications, MessageSource messages) {
		this.applications = applications;
		this.messages = messages;
	}

	@GetMapping
	List<ApplicationResponse> queue(@RequestParam(required = false) List<String> status) {
		List<ApplicationStatus> statuses = status == null ? List.of()
				: status.stream().flatMap(s -> List.of(s.split(",")).stream()).map(s -> parse(ApplicationStatus.class, "status", s))
					.toList();
		return applications.queue(statuses, 200).stream().map(ApplicationResponse::of).toList();
	}

	@GetMapping("/{id}")
	ReviewResponse detail(@PathVariable String id) {
		var application = applications.find(MerchantTerminalApplicationController.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("Application"));
		Locale locale = LocaleContextHolder.getLocale();
		List<SignalResponse> signals = applications.riskSignals(application.id()).stream()
			.map(s -> new SignalResponse(s.code(), words(s, locale))).toList();
		return new ReviewResponse(ApplicationResponse.of(application), signals);
	}

	@PostMapping("/{id}/approve")
	ApplicationResponse approve(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Decision body) {
		return ApplicationResponse.of(applications.approve(user, MerchantTerminalApplicationController.parse(id),
				body == null ? null : body.note()));
	}

	@PostMapping("/{id}/reject")
	ApplicationResponse reject(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Decision body) {
		return ApplicationResponse.of(applications.reject(user, MerchantTerminalApplicationController.parse(id),
				body == null ? null : body.reason()));
	}

	@PostMapping("/{id}/request-info")
	ApplicationResponse requestInfo(CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) Decision body) {
		return ApplicationResponse.of(applications.requestInformation(user,
				MerchantTerminalApplicationController.parse(id), body == null ? null : body.message()));
	}

	@PostMapping("/{id}/ship")
	ApplicationResponse ship(CurrentUser user, @PathVariable String id, @RequestBody Shipping body) {
		Carrier carrier = body.carrier() == null ? null : parse(Carrier.class, "carrier", body.carrier());
		return ApplicationResponse.of(applications.ship(user, MerchantTerminalApplicationController.parse(id), carrier,
				body.trackingNo(), body.serialNumbers()));
	}

	@PostMapping("/{id}/delivered")
	ApplicationResponse delivered(CurrentUser user, @PathVariable String id) {
		return ApplicationResponse.of(applications.confirmDelivered(user, MerchantTerminalApplicationController.parse(id)));
	}

	private String words(RiskSignal signal, Locale locale) {
		return messages.getMessage("posapp.risk." + signal.code().name(), signal.args().toArray(), signal.code().name(),
				locale);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(new FieldViolation(field, "INVALID"));
		}
	}

	record Decision(String note, String reason, String message) {
	}

	record Shipping(String carrier, String trackingNo, List<String> serialNumbers) {
	}

	record SignalResponse(RiskSignal.RiskCode code, String text) {
	}

	record ReviewResponse(ApplicationResponse application, List<SignalResponse> riskSignals) {
	}
}
