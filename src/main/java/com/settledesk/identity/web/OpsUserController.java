package com.settledesk.identity.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.Role;
import com.settledesk.identity.UserRegistration;
import com.settledesk.identity.internal.UserAccountsService;
import com.settledesk.identity.internal.UserAccountsService.UserAccountView;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.ValidationFailedException;

/**
 * Administrators manage operator accounts (merchant users come with the merchant's onboarding) and lift
 * a login lock after checking who is calling.
 */
@RestController
@RequestMapping("/api/v1/ops/users")
class OpsUserController {

	private final UserAccountsService users;

	OpsUserController(UserAccountsService users) {
		this.users = users;
	}

	@GetMapping
	List<UserAccountView> list() {
		return users.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserAccountView create(@Valid @RequestBody NewOperator body) {
		if (body.role().isMerchantRole()) {
			throw new ValidationFailedException(new FieldViolation("role", "ROLE_NOT_ALLOWED"));
		}
		users.register(new UserRegistration(body.username(), body.password(), body.displayName(), body.role(), null));
		return new UserAccountView(body.username(), body.displayName().trim(), body.role(), null, true);
	}

	@PostMapping("/{username}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable String username) {
		users.unlock(username);
	}

	record NewOperator(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
			@NotBlank @Size(max = 100) String displayName, @NotNull Role role) {

		@Override
		public String toString() {
			return "NewOperator[username=" + Masking.maskSensitiveNumbers(username) + ", role=" + role + "]";
		}
	}
}
