package vn.motcua.identity.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.motcua.identity.ApiSignIn;
import vn.motcua.identity.StaffAccount;
import vn.motcua.identity.StaffAccounts;

/** Token sign-in for staff and integrations, and who the caller is. */
@RestController
class AuthController {

	private final ApiSignIn signIn;
	private final StaffAccounts accounts;

	AuthController(ApiSignIn signIn, StaffAccounts accounts) {
		this.signIn = signIn;
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/auth/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		ApiSignIn.IssuedToken token = signIn.signIn(request.username(), request.password(), request.otp());
		return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
	}

	@GetMapping("/api/v1/me")
	Me me(Authentication authentication) {
		StaffAccount account = accounts.find(authentication.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
		return new Me(account.username(), account.fullName(),
				account.roles().stream().map(Enum::name).sorted().toList(), account.unitCode());
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
			@Nullable @Size(max = 10) String otp) {
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	record Me(String username, String fullName, List<String> roles, @Nullable String unitCode) {
	}
}
