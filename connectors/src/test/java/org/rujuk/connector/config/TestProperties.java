package org.rujuk.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A connector's configuration for unit tests: as connector.yml and the test connectors set it, short timings. */
public final class TestProperties {

    private TestProperties() {
    }

    public static ConnectorProperties of(String agency, URI webhookUrl, String webhookSecret, Path inboxDir) {
        return new ConnectorProperties(agency, "tcp://localhost:61616", agency, "demo", agency + "-system", "secret",
                URI.create("http://localhost:8080"), webhookUrl, webhookSecret, null, inboxDir,
                new ConnectorProperties.Addresses("rujuk.referrals.in", "rujuk.status.in",
                        "rujuk.agency." + agency + ".inbox"),
                new ConnectorProperties.Webhook(Duration.ofSeconds(1), Duration.ofSeconds(1), 4, Duration.ofMillis(50),
                        2.0, Duration.ofMillis(200)),
                new ConnectorProperties.FileDrop(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
