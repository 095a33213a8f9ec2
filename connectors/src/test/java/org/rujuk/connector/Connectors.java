package org.rujuk.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Connectors as tests run them: against the {@link TestHub}, on a free port, with short timeouts and back-off. A
 * test class whose subject is one connector makes it its Spring test context with {@link #testProperties}; other
 * connectors it needs are started with {@link #start}.
 */
public final class Connectors {

    /**
     * The hub's jar is on the test classpath, and with it H2 and Flyway: a connector has no database, so their
     * auto-configuration stays off, as it is when the connector runs on its own.
     */
    public static final String NO_DATABASE = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";

    /** Fixed settings of every test connector; the agency and the hub's addresses come from {@link #forHub}. */
    public static final String[] FIXED = {
        "spring.config.name=" + RujukConnectorApplication.CONFIG_NAME,
        NO_DATABASE,
        "spring.jmx.enabled=false",
        "server.port=0",
        "rujuk.connector.password=" + TestHub.PASSWORD,
        "rujuk.connector.webhook.connect-timeout=1s",
        "rujuk.connector.webhook.timeout=1s",
        "rujuk.connector.webhook.initial-backoff=50ms",
        "rujuk.connector.webhook.max-backoff=200ms",
        "rujuk.connector.file-drop.poll-delay=100ms",
        "rujuk.connector.file-drop.settle-time=100ms",
    };

    private Connectors() {
    }

    /** Where the test hub is, and which agency: the settings a test connector needs beyond {@link #FIXED}. */
    public static Map<String, String> forHub(String agency) {
        var hub = TestHub.get();
        var properties = new LinkedHashMap<String, String>();
        properties.put("rujuk.connector.agency", agency);
        properties.put("rujuk.connector.broker-url", hub.brokerUrl());
        properties.put("rujuk.connector.hub-url", hub.apiUrl().toString());
        properties.put("rujuk.connector.api-username", apiUser(agency));
        properties.put("rujuk.connector.api-password", apiPassword(agency));
        return properties;
    }

    public static String apiUser(String agency) {
        return agency + "-system";
    }

    public static String apiPassword(String agency) {
        return "api-password-of-" + agency;
    }

    /** Starts a connector for the agency with extra properties (e.g. its webhook), as `java -jar` would. */
    public static ConfigurableApplicationContext start(String agency, Map<String, String> extra) {
        var args = new ArrayList<String>();
        for (String fixed : FIXED) {
            args.add("--" + fixed);
        }
        forHub(agency).forEach((key, value) -> args.add("--" + key + "=" + value));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--spring.application.name=connector-" + agency);
        return RujukConnectorApplication.application().run(args.toArray(String[]::new));
    }

    public static Map<String, String> webhook(AgencySystem system) {
        return Map.of("rujuk.connector.webhook-url", system.webhookUrl().toString(),
                "rujuk.connector.webhook-secret", AgencySystem.SECRET);
    }

    public static ConnectorApi api(ConfigurableApplicationContext connector, String agency) {
        int port = ((WebServerApplicationContext) connector).getWebServer().getPort();
        return new ConnectorApi(port, apiUser(agency), apiPassword(agency));
    }
}
