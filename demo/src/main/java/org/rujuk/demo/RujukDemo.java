package org.rujuk.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rujuk.connector.RujukConnectorApplication;
import org.rujuk.hub.RujukHubApplication;
import org.rujuk.hub.config.Account;
import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rujuk to try in one command: the hub's embedded default, started as {@code java -jar rujuk-hub-*-exec.jar} would
 * with this command line (plus {@link #HUB_DEFAULTS}), then — unless {@code --rujuk.demo.connectors=false} — the connectors of the four
 * demo agencies, each its own Spring Boot application with its demo profile ({@code connector-police.yml}, ...), as
 * {@code java -jar rujuk-connectors-*-exec.jar --spring.profiles.active=police} would start it.
 *
 * <p>Each application reads only its own configuration: the hub {@code application.yml} and this command line
 * (without {@code rujuk.demo.*}); a connector {@code connector.yml}, its profile and what the demo passes it (port,
 * folders, and where the hub's broker and API turned out to be). They share nothing but the JVM: separate contexts,
 * ports, Camel context names, and no JMX. Closing the demo (or Ctrl-C) stops the connectors, then the hub.
 */
public final class RujukDemo implements AutoCloseable {

    /** The demo agencies, in port order: each has a profile {@code connector-<agency>.yml}. */
    static final List<String> AGENCIES = List.of("police", "social", "health", "education");

    private static final Logger log = LoggerFactory.getLogger(RujukDemo.class);

    /**
     * The hub's settings in the demo, on top of its own (as defaults: the command line still wins). The connectors'
     * OpenAPI UI is on the classpath only because their jar is: it stays out of the hub. And log lines name no
     * application: a JVM has one logging set-up, made by the first application, so every connector's lines would
     * say {@code rujuk-hub} (thread names tell them apart: {@code http-nio-8081-...}, {@code ...police.inbox]}).
     */
    private static final String[] HUB_DEFAULTS = {
        "springdoc.api-docs.enabled=false",
        "springdoc.swagger-ui.enabled=false",
        "logging.include-application-name=false",
    };
    /**
     * What the hub's jar brings onto the classpath and would switch on in a connector, and what a connector started
     * on its own does not have: the hub's database and migrations, its dashboard's templates and messages, Camel
     * route metrics. (Compared bean by bean with a connector started from its own classpath.)
     */
    private static final String CONNECTOR_EXCLUDES = "spring.autoconfigure.exclude=" + String.join(",",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.transaction.jta.JtaAutoConfiguration",
            "org.apache.camel.component.micrometer.springboot.MicrometerComponentConverter",
            "org.apache.camel.component.micrometer.springboot.MicrometerComponentAutoConfiguration",
            "org.apache.camel.component.micrometer.springboot.metrics.CamelMetricsAutoConfiguration");

    private final Thread shutdownHook = new Thread(this::close, "rujuk-demo-shutdown");
    private final Deque<ConfigurableApplicationContext> running = new ArrayDeque<>();
    private final Map<String, ConfigurableApplicationContext> connectors = new LinkedHashMap<>();
    private ConfigurableApplicationContext hub;
    private boolean closed;

    private RujukDemo() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the hub with {@code args} (minus {@code rujuk.demo.*}), then the demo connectors. Returns once all are
     * up; a failure stops whatever had started.
     */
    public static RujukDemo start(String... args) {
        var demo = new RujukDemo();
        Runtime.getRuntime().addShutdownHook(demo.shutdownHook);
        try {
            demo.startAll(DemoProperties.from(args), args);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    private void startAll(DemoProperties properties, String[] args) {
        var hubContext = new SpringApplicationBuilder(RujukHubApplication.class)
                .main(RujukHubApplication.class)
                .properties(HUB_DEFAULTS)
                // Spring Boot's own hook would close the applications in the order they started, the hub first
                // under its connectors' feet: the demo's hook closes them instead.
                .registerShutdownHook(false)
                .run(hubArguments(args));
        started(hubContext, null);
        if (!properties.connectors()) {
            log.info("Rujuk demo: the hub alone (rujuk.demo.connectors=false), API {}", apiUrl(hubContext));
            return;
        }
        var hubProperties = hubContext.getBean(HubProperties.class);
        var accounts = hubContext.getBean(HubAccounts.class);
        String brokerUrl = brokerUrl(hubProperties.broker());
        URI hubUrl = apiUrl(hubContext);
        Path folders = properties.dataDir() != null ? properties.dataDir()
                : Path.of(hubContext.getEnvironment().getProperty("rujuk.data-dir", "./data")).resolve("connectors");
        for (int i = 0; i < AGENCIES.size(); i++) {
            String agency = AGENCIES.get(i);
            var account = accounts.find(agency).filter(a -> a.kind() == Account.Kind.AGENCY);
            if (account.isEmpty()) {
                log.warn("Rujuk demo: the hub has no agency '{}' (rujuk.agencies); its connector is not started", agency);
                continue;
            }
            var connectorArgs = new ArrayList<>(List.of(
                    "--spring.profiles.active=" + agency,
                    "--spring.application.name=connector-" + agency,
                    "--camel.main.name=rujuk-connector-" + agency,
                    "--server.port=" + properties.connectorPort(i),
                    "--rujuk.connector.broker-url=" + brokerUrl,
                    "--rujuk.connector.password=" + account.get().password(),
                    "--rujuk.connector.hub-url=" + hubUrl,
                    "--rujuk.connector.outbox-dir=" + folders.resolve(agency).resolve("outbox"),
                    "--rujuk.connector.inbox-dir=" + folders.resolve(agency).resolve("inbox"),
                    "--" + CONNECTOR_EXCLUDES,
                    // As for the hub (HUB_DEFAULTS): the first connector's name would label every line after it.
                    "--logging.include-application-name=false"));
            // Logging is one per JVM: a level set for the hub must not be reset by a connector's connector.yml.
            Arrays.stream(args).filter(a -> a.startsWith("--logging.")).forEach(connectorArgs::add);
            var connector = RujukConnectorApplication.application()
                    .main(RujukConnectorApplication.class)
                    .registerShutdownHook(false)
                    .run(connectorArgs.toArray(String[]::new));
            started(connector, agency);
        }
        log.info("Rujuk demo is up: hub {} (broker {}); connectors {}; folders {}/<agency>/{outbox,inbox}",
                hubUrl, brokerUrl, connectorUrls(), folders);
    }

    private static String[] hubArguments(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--rujuk.demo.")).toArray(String[]::new);
    }

    /** Where the connectors find the broker: the hub's own acceptor in the embedded default, else its broker. */
    private static String brokerUrl(HubProperties.Broker broker) {
        if (!broker.embedded()) {
            return broker.url();
        }
        return broker.acceptorUrl().replaceFirst("\\?.*$", "").replace("://0.0.0.0:", "://localhost:");
    }

    private static URI apiUrl(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + port(context));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private synchronized String connectorUrls() {
        var urls = new ArrayList<String>();
        connectors.forEach((agency, context) -> urls.add(agency + " " + apiUrl(context)));
        return String.join(", ", urls);
    }

    private void started(ConfigurableApplicationContext context, String agency) {
        synchronized (this) {
            if (!closed) {
                running.push(context);
                if (agency == null) {
                    hub = context;
                } else {
                    connectors.put(agency, context);
                }
                return;
            }
        }
        // Ctrl-C while it was starting.
        context.close();
    }

    /** The hub's application context. */
    synchronized ConfigurableApplicationContext hub() {
        return hub;
    }

    /** The connectors' application contexts by agency, in the order they started; empty without connectors. */
    synchronized Map<String, ConfigurableApplicationContext> connectors() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(connectors));
    }

    /** The port a connector's REST API listens on. */
    int connectorPort(String agency) {
        var connector = connectors().get(agency);
        if (connector == null) {
            throw new IllegalArgumentException("no connector for '" + agency + "' is running");
        }
        return port(connector);
    }

    /** Stops the connectors (the last started first), then the hub. Idempotent; Ctrl-C calls it. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(running);
            running.clear();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs anyway and finds nothing left to close.
            }
        }
        toClose.forEach(ConfigurableApplicationContext::close);
    }
}
