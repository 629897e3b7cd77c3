package vn.motcua.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The published description of the public API (/v3/api-docs, browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI motcuaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MotCua API")
				.version("v1")
				.description("Hệ thống thông tin giải quyết thủ tục hành chính — public API v1. Staff and integrations"
						+ " sign in with POST /api/v1/auth/token and send the header Authorization: Bearer followed by the token.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas("Problem", new io.swagger.v3.oas.models.media.ObjectSchema()
					.description("RFC 9457 problem details, titled in the caller's language")
					.addProperty("type", new io.swagger.v3.oas.models.media.StringSchema())
					.addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
					.addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
					.addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
					.addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema())
					.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema()
						.items(new io.swagger.v3.oas.models.media.ObjectSchema()
							.addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
							.addProperty("message", new io.swagger.v3.oas.models.media.StringSchema())))))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
