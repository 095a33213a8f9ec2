package org.rujuk.connector.rest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header (served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC_AUTH = "basic";

    @Bean
    OpenAPI connectorApi(ConnectorProperties properties) {
        return new OpenAPI()
                .info(new Info()
                        .title("Rujuk connector for " + properties.agency())
                        .version("1")
                        .description("The agency system's way into Rujuk: send referrals and status updates (checked "
                                + "against the Rujuk wire contract, version 1, before they leave) and read the hub's "
                                + "view of a referral. What comes back from the hub — referrals for this agency, "
                                + "receipts, rejections, status notices — is delivered by webhook and/or as files."))
                .components(new Components().addSecuritySchemes(BASIC_AUTH,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
