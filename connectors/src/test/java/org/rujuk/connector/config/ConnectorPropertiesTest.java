package org.rujuk.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The connector refuses to start on a configuration that could not work or would not be safe. */
class ConnectorPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConnectorProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class)
            .withPropertyValues(
                    "rujuk.connector.agency=police",
                    "rujuk.connector.broker-url=tcp://localhost:61616",
                    "rujuk.connector.username=police",
                    "rujuk.connector.password=demo",
                    "rujuk.connector.api-username=police-system",
                    "rujuk.connector.api-password=secret",
                    "rujuk.connector.hub-url=http://localhost:8080",
                    "rujuk.connector.addresses.inbox=rujuk.agency.police.inbox");

    @Test
    void bindsWithDefaultsForEverythingOptional() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            var properties = context.getBean(ConnectorProperties.class);
            assertThat(properties.delivers()).isFalse();
            assertThat(properties.addresses().referralsIn()).isEqualTo("rujuk.referrals.in");
            assertThat(properties.webhook().attempts()).isEqualTo(4);
            assertThat(properties.webhook().timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.fileDrop().settleTime()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void refusesAWebhookWithoutASecret() {
        runner.withPropertyValues("rujuk.connector.webhook-url=http://localhost:9000/hook").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("webhook-secret must be set"));
    }

    @Test
    void refusesAShortWebhookSecret() {
        runner.withPropertyValues("rujuk.connector.webhook-url=http://localhost:9000/hook",
                "rujuk.connector.webhook-secret=short").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("at least 16 characters"));
    }

    @Test
    void refusesAWebhookThatIsNotHttp() {
        runner.withPropertyValues("rujuk.connector.webhook-url=ftp://localhost/hook",
                "rujuk.connector.webhook-secret=0123456789abcdef0123").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("absolute http or https URL"));
    }

    @Test
    void refusesABrokerAccountThatIsNotTheAgency() {
        runner.withPropertyValues("rujuk.connector.username=social").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must be the agency's code"));
    }

    @Test
    void refusesSomethingThatIsNotAnAgencyCode() {
        runner.withPropertyValues("rujuk.connector.agency=Police", "rujuk.connector.username=Police").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("must be an agency code"));
    }

    @Test
    void keepsSecretsOutOfItsDescription() {
        runner.withPropertyValues("rujuk.connector.webhook-url=http://localhost:9000/hook",
                "rujuk.connector.webhook-secret=0123456789abcdef-very-secret").run(context ->
                assertThat(context.getBean(ConnectorProperties.class).toString())
                        .doesNotContain("very-secret").doesNotContain("demo").doesNotContain("secret,"));
    }
}
