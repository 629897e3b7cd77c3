package vn.motcua.platform.internal;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The statuses each operation really answers, beside its success: the refusals every request can meet (400
 * bad input, 401, 403, 429 rate limit, 503 database unavailable), 404 where the path names a thing, 409 where a
 * change can meet a conflicting state, 413 and 415 where a body is sent. Each as problem+json (RFC 9457).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiStatuses {

	private static final String SIGN_IN = "/api/v1/auth/token";

	@Bean
	OperationCustomizer refusalStatuses() {
		return (Operation operation, HandlerMethod handler) -> {
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			boolean created = handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseStatus.class)
					&& handler.getMethodAnnotation(org.springframework.web.bind.annotation.ResponseStatus.class)
						.code() == org.springframework.http.HttpStatus.CREATED;
			if (created && responses.containsKey("200") && responses.containsKey("201")) {
				responses.remove("200");
			}
			boolean changes = handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
					|| handler.hasMethodAnnotation(PatchMapping.class) || handler.hasMethodAnnotation(DeleteMapping.class);
			boolean pathNamesAThing = operation.getParameters() != null
					&& operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
			boolean body = operation.getRequestBody() != null;
			boolean multipart = body && operation.getRequestBody().getContent() != null
					&& operation.getRequestBody().getContent().containsKey("multipart/form-data");
			PostMapping post = handler.getMethodAnnotation(PostMapping.class);
			boolean signIn = post != null && java.util.Arrays.stream(post.value()).anyMatch(SIGN_IN::equals);
			add(responses, "400", "Bad input: a field, parameter or body the API cannot use (errors[] lists the fields)");
			add(responses, "401", signIn ? "Wrong user name, password or one-time code"
					: "No valid bearer token (missing, expired, or its account disabled)");
			if (!signIn) {
				add(responses, "403", "Signed in, but this caller may not do this");
			}
			if (pathNamesAThing) {
				add(responses, "404", "No such thing, or one this caller may not see");
			}
			if (changes && !signIn) {
				add(responses, "409", "The thing is not in a state that allows this, or changed since it was read");
			}
			if (multipart) {
				add(responses, "413", "The file is larger than allowed");
			}
			if (body) {
				add(responses, "415", "The body is not of a type this operation reads");
			}
			add(responses, "429", signIn ? "Too many failed sign-ins: the account is locked (Retry-After)"
					: "Too many requests (Retry-After)");
			add(responses, "503", "The database is not answering; retry later (Retry-After)");
			operation.setResponses(responses);
			return operation;
		};
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/problem+json", new MediaType().schema(new ObjectSchema()
					.$ref("#/components/schemas/Problem")))));
		}
	}
}
