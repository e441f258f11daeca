package com.settledesk.integration.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.integration.DeliveryView;
import com.settledesk.integration.EventType;
import com.settledesk.integration.WebhookEndpointView;
import com.settledesk.integration.WebhookEndpoints;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

/**
 * The owner's webhook settings (开发者设置): endpoints with their delivery log, a new endpoint (its secret shown once),
 * test ping, secret roll, redelivery and removal.
 */
@Controller
class WebhookPagesController {

	private final WebhookEndpoints endpoints;

	WebhookPagesController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping("/settings/webhooks")
	String page(CurrentUser owner, Model model) {
		List<WebhookEndpointView> list = endpoints.ofMerchant(owner);
		Map<UUID, List<DeliveryView>> log = new LinkedHashMap<>();
		list.forEach(e -> log.put(e.id(), endpoints.deliveries(owner, e.id(), 20)));
		model.addAttribute("endpoints", list);
		model.addAttribute("deliveries", log);
		model.addAttribute("types", List.of(EventType.values()).stream().filter(t -> t != EventType.PING).toList());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "portal/webhooks";
	}

	@PostMapping("/settings/webhooks")
	String register(CurrentUser owner, @RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) List<String> events, RedirectAttributes redirect) {
		try {
			var registered = endpoints.register(owner, url, events == null ? List.of() : events);
			redirect.addFlashAttribute("secret", registered.secret());
			redirect.addFlashAttribute("secretFor", registered.endpoint().id());
		}
		catch (ValidationFailedException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldViolation v : e.violations()) {
				errors.putIfAbsent(v.field(), v.code());
			}
			redirect.addFlashAttribute("errors", errors);
			redirect.addFlashAttribute("url", url.length() > 500 ? "" : url);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("problem", "problem." + e.code() + ".detail");
		}
		return "redirect:/settings/webhooks";
	}

	@PostMapping("/settings/webhooks/{id}/roll")
	String roll(CurrentUser owner, @PathVariable String id, RedirectAttributes redirect) {
		UUID endpoint = WebhookEndpointController.parse(id);
		redirect.addFlashAttribute("secret", endpoints.rollSecret(owner, endpoint));
		redirect.addFlashAttribute("secretFor", endpoint);
		return "redirect:/settings/webhooks";
	}

	@PostMapping("/settings/webhooks/{id}/ping")
	String ping(CurrentUser owner, @PathVariable String id, RedirectAttributes redirect) {
		return act(redirect, "webhooks.pingQueued", () -> endpoints.ping(owner, WebhookEndpointController.parse(id)));
	}

	@PostMapping("/settings/webhooks/{id}/enable")
	String enable(CurrentUser owner, @PathVariable String id, RedirectAttributes redirect) {
		return act(redirect, "webhooks.enabled", () -> endpoints.enable(owner, WebhookEndpointController.parse(id)));
	}

	/** Does the action and says so on the page, or why it could not be done. */
	private static String act(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("problem", "problem." + e.code() + ".detail");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("problem", "webhooks.enableRefused");
		}
		return "redirect:/settings/webhooks";
	}

	@PostMapping("/settings/webhooks/{id}/deliveries/{eventId}/redeliver")
	String redeliver(CurrentUser owner, @PathVariable String id, @PathVariable String eventId,
			RedirectAttributes redirect) {
		endpoints.redeliver(owner, WebhookEndpointController.parse(id), WebhookEndpointController.parse(eventId));
		redirect.addFlashAttribute("done", "webhooks.redeliveryQueued");
		return "redirect:/settings/webhooks";
	}

	@PostMapping("/settings/webhooks/{id}/delete")
	String delete(CurrentUser owner, @PathVariable String id, RedirectAttributes redirect) {
		endpoints.delete(owner, WebhookEndpointController.parse(id));
		redirect.addFlashAttribute("done", "webhooks.deleted");
		return "redirect:/settings/webhooks";
	}
}
