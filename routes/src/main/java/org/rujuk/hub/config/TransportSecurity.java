package org.rujuk.hub.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.utils.ConfigurationHelper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one check that the hub's traffic is encrypted: HTTP is served over TLS ({@code server.ssl.*}, usually
 * {@code server.ssl.bundle}), and the broker connection is TLS — the embedded broker's acceptor
 * ({@code rujuk.broker.tls.enabled}) or, for an external broker, {@code sslEnabled=true} in
 * {@code rujuk.broker.url}. Unless {@code rujuk.security.allow-insecure-transport} says otherwise (the embedded
 * default on localhost sets it; the {@code prod} profile does not), a hub without both refuses to start, saying
 * why in one line. The broker configurations depend on this bean, so nothing connects before it has passed.
 */
@Component
public class TransportSecurity {

    private final boolean httpTls;
    private final boolean brokerTls;

    public TransportSecurity(HubProperties properties, Environment environment) {
        this.httpTls = servesHttpOverTls(environment);
        var broker = properties.broker();
        this.brokerTls = broker.embedded() ? broker.tls().enabled() : usesTls(broker.url());
        var missing = new ArrayList<String>();
        if (!httpTls) {
            missing.add("HTTP is not served over TLS (set server.ssl.bundle and a spring.ssl.bundle)");
        }
        if (!brokerTls) {
            missing.add(broker.embedded()
                    ? "the broker's acceptor has no TLS (set rujuk.broker.tls.*)"
                    : "rujuk.broker.url does not say sslEnabled=true");
        }
        if (!missing.isEmpty() && !properties.security().allowInsecureTransport()) {
            throw new IllegalStateException("Rujuk will not start: " + String.join(" and ", missing)
                    + "; passwords and children's data would cross the network in clear text. Set"
                    + " rujuk.security.allow-insecure-transport=true (RUJUK_ALLOW_INSECURE_TRANSPORT) only where the"
                    + " network itself is trusted");
        }
    }

    public boolean httpTls() {
        return httpTls;
    }

    public boolean brokerTls() {
        return brokerTls;
    }

    private static boolean servesHttpOverTls(Environment environment) {
        return Binder.get(environment).bind("server.ssl", Ssl.class)
                .map(ssl -> Ssl.isEnabled(ssl) && (StringUtils.hasText(ssl.getBundle())
                        || StringUtils.hasText(ssl.getKeyStore()) || StringUtils.hasText(ssl.getCertificate())))
                .orElse(false);
    }

    /**
     * Whether every connector of an Artemis client URL uses TLS, read by Artemis's own URL parser, so
     * {@code tcp://h:61617?sslEnabled=true;trustStorePath=..} and {@code (tcp://a:1,tcp://b:1)?sslEnabled=true}
     * are understood as the client will understand them. A discovery URL (udp, jgroups) has no static
     * connectors and counts as not TLS.
     */
    static boolean usesTls(String brokerUrl) {
        try (var locator = ActiveMQClient.createServerLocator(brokerUrl)) {
            List<TransportConfiguration> connectors = List.of(locator.getStaticTransportConfigurations());
            return !connectors.isEmpty() && connectors.stream().allMatch(c -> ConfigurationHelper.getBooleanProperty(
                    TransportConstants.SSL_ENABLED_PROP_NAME, TransportConstants.DEFAULT_SSL_ENABLED, c.getParams()));
        } catch (Exception e) {
            throw new IllegalStateException("rujuk.broker.url is not an Artemis URL", e);
        }
    }
}
