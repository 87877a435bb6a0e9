package io.otklik.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the JSON API at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every
 * operation takes a personal API token as {@code Authorization: Bearer otk_…}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TOKEN_SCHEME = "apiToken";
    static final String API_VERSION = "v1";

    @Bean
    OpenAPI otklikApi() {
        return new OpenAPI()
                .info(new Info().title("Otklik API").version(API_VERSION))
                .components(new Components().addSecuritySchemes(TOKEN_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("otk_…")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
    }
}
