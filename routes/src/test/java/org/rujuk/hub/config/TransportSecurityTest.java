package org.rujuk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TransportSecurityTest {

    private static final Map<String, String> PROD = Map.of("rujuk.broker.embedded", "false",
            "rujuk.broker.url", "tcp://artemis:61616");

    @Test
    void withoutTlsAndWithoutTheFlagTheHubRefusesToStartAndSaysWhyInOneLine() {
        assertThatThrownBy(() -> check(PROD, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Rujuk will not start: HTTP is not served over TLS")
                .hasMessageContaining("rujuk.broker.url does not say sslEnabled=true")
                .hasMessageContaining("RUJUK_ALLOW_INSECURE_TRANSPORT")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void httpOverTlsAndATlsBrokerUrlPass() {
        var security = check(with(PROD, "rujuk.broker.url",
                "tcp://artemis:61617?sslEnabled=true;trustStorePath=/certs/trust.p12;trustStorePassword=x"),
                new MockEnvironment().withProperty("server.ssl.bundle", "hub"));
        assertThat(security.httpTls()).isTrue();
        assertThat(security.brokerTls()).isTrue();
    }

    @Test
    void aBrokerUrlWithTlsIsNotEnoughWithoutHttpsAndTheOtherWayRound() {
        assertThatThrownBy(() -> check(with(PROD, "rujuk.broker.url", "tcp://artemis:61617?sslEnabled=true"),
                new MockEnvironment()))
                .hasMessageContaining("HTTP is not served over TLS").hasMessageNotContaining("rujuk.broker.url");
        assertThatThrownBy(() -> check(PROD, new MockEnvironment().withProperty("server.ssl.key-store", "hub.p12")))
                .hasMessageNotContaining("HTTP").hasMessageContaining("sslEnabled=true");
    }

    @Test
    void switchedOffSslIsNotTlsAndEveryConnectorOfAClusterUrlCounts() {
        var env = new MockEnvironment().withProperty("server.ssl.bundle", "hub").withProperty("server.ssl.enabled",
                "false");
        assertThatThrownBy(() -> check(with(PROD, "rujuk.broker.url", "tcp://a:61617?sslEnabled=true"), env))
                .hasMessageContaining("HTTP is not served over TLS");
        assertThat(TransportSecurity.usesTls("(tcp://a:61617,tcp://b:61617)?sslEnabled=true")).isTrue();
        assertThat(TransportSecurity.usesTls("tcp://a:61617?sslEnabled=false")).isFalse();
    }

    @Test
    void theExplicitFlagLetsAnInsecureHubStartAndItStillKnowsItIsInsecure() {
        var security = check(with(PROD, "rujuk.security.allow-insecure-transport", "true"), new MockEnvironment());
        assertThat(security.httpTls()).isFalse();
        assertThat(security.brokerTls()).isFalse();
    }

    @Test
    void theEmbeddedBrokerCountsAsTlsWhenItsAcceptorHasTls() {
        var security = check(Map.of("rujuk.broker.tls.enabled", "true", "rujuk.broker.tls.key-store", "broker.p12"),
                new MockEnvironment().withProperty("server.ssl.bundle", "hub"));
        assertThat(security.brokerTls()).isTrue();
        assertThatThrownBy(() -> check(Map.of(), new MockEnvironment().withProperty("server.ssl.bundle", "hub")))
                .hasMessageContaining("the broker's acceptor has no TLS (set rujuk.broker.tls.*)");
    }

    private static TransportSecurity check(Map<String, String> rujuk, MockEnvironment environment) {
        return new TransportSecurity(ConfiguredHub.properties(rujuk), environment);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new HashMap<>(base);
        map.put(key, value);
        return map;
    }
}
