package org.rujuk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The prod profile reads each secret from its own file (Docker and Kubernetes secrets), through Spring Boot's
 * {@code configtree} import in application-prod.yml: a file named like the variable fills it, and a trailing newline
 * (as {@code echo} writes) is not part of the password. Environment variables still win.
 */
class SecretsFilesTest {

    @Test
    void theProdProfileTakesEveryPasswordFromOneFilePerSecret(@TempDir Path secrets) throws Exception {
        for (String account : new String[] {"POLICE", "SOCIAL", "HEALTH", "EDUCATION", "HUB", "COORDINATOR", "ADMIN"}) {
            Files.writeString(secrets.resolve("RUJUK_" + account + "_PASSWORD"), account.toLowerCase() + "-from-file\n");
        }
        Files.writeString(secrets.resolve("RUJUK_ALLOW_INSECURE_TRANSPORT"), "true\n");
        try (var context = new SpringApplicationBuilder(AccountsOnly.class).web(WebApplicationType.NONE)
                .profiles("prod").run("--RUJUK_SECRETS_DIR=" + secrets + "/", "--RUJUK_HUB_PASSWORD=hub-from-env")) {
            var accounts = context.getBean(HubAccounts.class);
            assertThat(accounts.find("police").orElseThrow().password()).isEqualTo("police-from-file");
            assertThat(accounts.find("education").orElseThrow().password()).isEqualTo("education-from-file");
            assertThat(accounts.find("coordinator").orElseThrow().password()).isEqualTo("coordinator-from-file");
            assertThat(accounts.hub().password()).as("a value given outside the files wins").isEqualTo("hub-from-env");
            assertThat(context.getBean(HubProperties.class).security().allowInsecureTransport()).isTrue();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HubProperties.class)
    @Import(HubAccounts.class)
    static class AccountsOnly {
    }
}
