package org.rujuk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.PropertySource;

/**
 * The demo as a newcomer runs it, on free ports and in a temporary folder: the hub and the four demo connectors in
 * one JVM, each with only its own configuration, and a referral from police's system over REST that reaches social's
 * inbox folder while police's folder gets the receipt and social's automatic {@code received}.
 */
class RujukDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The demo with its four connectors, started once for the class (about 30 s on a 2-core machine). */
    private static RujukDemo demo;

    @TempDir
    static Path data;

    @BeforeAll
    static void startDemo() {
        demo = RujukDemo.start(arguments(data, "--rujuk.demo.connector-port-base=0"));
    }

    /** Stopping the demo is part of it: the connectors first, the last started first, then the hub. */
    @AfterAll
    static void stopDemo() {
        if (demo == null) {
            return;
        }
        var closed = new CopyOnWriteArrayList<String>();
        demo.hub().addApplicationListener(whenClosed(closed, "hub"));
        demo.connectors().forEach((agency, connector) -> connector.addApplicationListener(whenClosed(closed, agency)));
        demo.close();
        assertThat(closed).containsExactly("education", "health", "social", "police", "hub");
        assertThat(demo.hub().isActive()).isFalse();
    }

    private static ApplicationListener<ApplicationEvent> whenClosed(List<String> closed, String name) {
        return event -> {
            if (event instanceof ContextClosedEvent) {
                closed.add(name);
            }
        };
    }

    @Test
    void referralPostedToPoliceConnectorReachesSocialFolderAndPoliceGetsReceiptAndReceived() throws Exception {
        assertThat(demo.connectors()).containsOnlyKeys(RujukDemo.AGENCIES);

        UUID referralId = UUID.randomUUID();
        var response = postReferral(demo.connectorPort("police"), referralId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        Path social = data.resolve("connectors/social/inbox");
        Path police = data.resolve("connectors/police/inbox");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(file(social, "-referral-" + referralId + ".json")).isPresent();
            assertThat(file(police, "-receipt-" + referralId + ".json")).isPresent();
            assertThat(file(police, "-status-" + referralId + "-received.json")).isPresent();
        });
        var delivered = JSON.readTree(file(social, "-referral-" + referralId + ".json").orElseThrow().toFile());
        assertThat(delivered.get("referralId").asText()).isEqualTo(referralId.toString());
        assertThat(delivered.get("from").asText()).isEqualTo("police");
    }

    @Test
    void everyApplicationReadsOnlyItsOwnConfigurationAndPorts() {
        var hub = demo.hub();
        assertThat(configFiles(hub)).containsExactly("application.yml");
        assertThat(hub.getEnvironment().containsProperty("rujuk.connector.agency")).isFalse();
        assertThat(hub.getEnvironment().containsProperty("rujuk.demo.connector-port-base")).isFalse();
        // The connectors' jar brings springdoc onto the classpath; the hub has no OpenAPI UI of its own.
        assertThat(hub.getBeansOfType(SpringDocConfigProperties.class)).isEmpty();

        var ports = new ArrayList<>(List.of(port(hub)));
        var camelNames = new ArrayList<>(List.of(hub.getBean(CamelContext.class).getName()));
        demo.connectors().forEach((agency, connector) -> {
            assertThat(configFiles(connector)).containsExactly("connector-" + agency + ".yml", "connector.yml");
            var environment = connector.getEnvironment();
            assertThat(environment.getProperty("rujuk.connector.agency")).isEqualTo(agency);
            assertThat(environment.containsProperty("rujuk.agencies[0].code")).isFalse();
            assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
            assertThat(connector.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(environment.getProperty("rujuk.connector.inbox-dir"))
                    .isEqualTo(data.resolve("connectors").resolve(agency).resolve("inbox").toString());
            ports.add(port(connector));
            camelNames.add(connector.getBean(CamelContext.class).getName());
        });
        assertThat(ports).doesNotHaveDuplicates().hasSize(5);
        assertThat(camelNames).containsExactly("rujuk-hub", "rujuk-connector-police", "rujuk-connector-social",
                "rujuk-connector-health", "rujuk-connector-education");
        assertThat(mbeans("org.apache.camel:*")).isEmpty();
        assertThat(mbeans("org.apache.activemq.artemis:*")).isEmpty();
    }

    @Test
    void startsTheHubAloneWhenConnectorsAreOff(@TempDir Path otherData) {
        var hubAlone = RujukDemo.start(arguments(otherData, "--rujuk.demo.connectors=false"));
        try (hubAlone) {
            assertThat(hubAlone.connectors()).isEmpty();
            assertThat(hubAlone.hub().isActive()).isTrue();
        }
        assertThat(hubAlone.hub().isActive()).isFalse();
        assertThat(otherData.resolve("connectors")).doesNotExist();
    }

    @Test
    void connectorPortsFollowTheBase() {
        assertThat(DemoProperties.from().connectorPort(0)).isEqualTo(8081);
        assertThat(DemoProperties.from().connectorPort(3)).isEqualTo(8084);
        assertThat(DemoProperties.from("--rujuk.demo.connector-port-base=9001").connectorPort(1)).isEqualTo(9002);
        assertThat(DemoProperties.from("--rujuk.demo.connector-port-base=0").connectorPort(2)).isZero();
        assertThat(DemoProperties.from().connectors()).isTrue();
        assertThatThrownBy(() -> DemoProperties.from("--rujuk.demo.connector-port-base=65534"))
                .hasStackTraceContaining("connector-port-base");
    }

    /**
     * The hub on free ports (and its own in-VM broker id: two hubs share this JVM for a moment) with its data in the
     * test's folder, the connectors' folders next to it.
     */
    private static String[] arguments(Path data, String... extra) {
        int brokerPort = freePort();
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--rujuk.broker.acceptor-url=tcp://localhost:" + brokerPort,
                "--rujuk.broker.url=vm://" + brokerPort,
                "--rujuk.data-dir=" + data.resolve("hub"),
                "--rujuk.demo.data-dir=" + data.resolve("connectors")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Police's system sends the contract's example referral, under a fresh id. */
    private static HttpResponse<String> postReferral(int port, UUID referralId) throws Exception {
        ObjectNode referral;
        try (InputStream example = RujukDemoTest.class.getResourceAsStream("/examples/referral-police-to-social.json")) {
            referral = (ObjectNode) JSON.readTree(example);
        }
        referral.put("referralId", referralId.toString());
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/referrals"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("police:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(referral)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<Path> file(Path folder, String nameEnd) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(nameEnd)).findFirst();
        }
    }

    /** The configuration files an application read, by name, in precedence order. */
    private static List<String> configFiles(ConfigurableApplicationContext context) {
        return context.getEnvironment().getPropertySources().stream()
                .map(PropertySource::getName)
                .filter(name -> name.startsWith("Config resource"))
                .map(name -> name.replaceFirst(".*class path resource \\[(.*?)].*", "$1"))
                .toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static List<ObjectName> mbeans(String pattern) {
        try {
            return List.copyOf(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(pattern), null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
