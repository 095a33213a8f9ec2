package org.rujuk.connector;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.RujukHubApplication;
import org.rujuk.hub.broker.EmbeddedBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real hub, started once for the whole test JVM from the routes module's jar: its embedded Artemis on a free
 * port, H2 in a temporary directory, the demo password, short broker back-off. Each test class uses its own pair of
 * agencies, so their inboxes never mix.
 */
public final class TestHub {

    /** Every agency the test hub knows; a test class takes the ones it needs. */
    public static final List<String> AGENCIES = List.of("police", "social", "health", "education", "bapas", "court",
            "prosecutor", "uptd_ppa", "civil_registry");
    public static final String PASSWORD = "demo";

    private static TestHub instance;

    private final ConfigurableApplicationContext hub;
    private final String brokerUrl;
    private final URI apiUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestHub() {
        int brokerPort = freePort();
        this.brokerUrl = "tcp://localhost:" + brokerPort;
        Path data = tempDir();
        var args = new ArrayList<>(List.of(
                "--rujuk.data-dir=" + data,
                "--rujuk.broker.acceptor-url=" + brokerUrl,
                "--rujuk.broker.url=vm://" + brokerPort,
                // Inboxes are offered again after 50 ms, then 100, then every 200 ms: a refused delivery comes back
                // quickly in tests.
                "--rujuk.delivery.redelivery-delay=50ms",
                "--rujuk.delivery.max-redelivery-delay=200ms",
                "--server.port=0",
                "--spring.jmx.enabled=false"));
        for (int i = 0; i < AGENCIES.size(); i++) {
            args.add("--rujuk.agencies[" + i + "].code=" + AGENCIES.get(i));
            args.add("--rujuk.agencies[" + i + "].name=Test agency " + AGENCIES.get(i));
        }
        this.hub = new SpringApplicationBuilder(RujukHubApplication.class).run(args.toArray(String[]::new));
        // ...and a system property, which keeps Camel Spring Boot from starting it on refresh: start it as the hub's
        // own refresh would have.
        var camel = hub.getBean(CamelContext.class);
        if (!camel.isStarted()) {
            camel.start();
        }
        this.apiUrl = URI.create("http://localhost:" + ((WebServerApplicationContext) hub).getWebServer().getPort());
    }

    public static synchronized TestHub get() {
        if (instance == null) {
            // On its own thread: Camel's test support holds back Camel contexts started on the test's thread while
            // it builds a @CamelSpringBootTest's context (a thread-local), and this may be called from there.
            instance = CompletableFuture.supplyAsync(TestHub::new).join();
        }
        return instance;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    /** The hub's own Camel context, for NotifyBuilder on its routes. */
    public CamelContext camel() {
        return hub.getBean(CamelContext.class);
    }

    public static String inbox(String agency) {
        return "rujuk.agency." + agency + ".inbox";
    }

    /** Waits until the hub has consumed and committed everything on one of its queues. */
    public void awaitIdle(String queue) {
        var q = hub.getBean(EmbeddedBroker.class).server().locateQueue(SimpleString.of(queue));
        await().atMost(Duration.ofSeconds(20)).until(() -> q.getMessageCount() == 0 && q.getDeliveringCount() == 0);
    }

    /**
     * How many messages the broker has put on a queue since it started: what the broker's duplicate detection lets
     * through. Test classes run one after the other, so a difference over one test is that test's.
     */
    public long messagesAdded(String queue) {
        return hub.getBean(EmbeddedBroker.class).server().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }

    /** The hub's ledger view, as the coordinator sees it. */
    public JsonNode ledger(UUID referralId) {
        var request = HttpRequest.newBuilder(apiUrl.resolve("/api/v1/referrals/" + referralId))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("coordinator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? ContractJson.mapper().readTree(response.body()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hand-off's state in the hub's ledger, or null before the hub recorded it. */
    public String state(UUID referralId) {
        JsonNode view = ledger(referralId);
        return view == null ? null : view.get("state").asText();
    }

    /** An agency system speaking JMS itself, for the side of a test that is not a connector. */
    public void send(String agency, String address, String body) throws JMSException {
        try (var context = new ActiveMQConnectionFactory(brokerUrl, agency, PASSWORD).createContext()) {
            context.createProducer().send(context.createQueue(address), body);
        }
    }

    /** Takes every message on the agency's inbox about this referral (waiting a short moment for each). */
    public List<String> drainInbox(String agency, UUID referralId) throws JMSException {
        var bodies = new ArrayList<String>();
        try (var context = new ActiveMQConnectionFactory(brokerUrl, agency, PASSWORD)
                .createContext(Session.AUTO_ACKNOWLEDGE);
             var consumer = context.createConsumer(context.createQueue(inbox(agency)),
                     "referralId = '" + referralId + "'")) {
            for (Message m = consumer.receive(500); m != null; m = consumer.receive(500)) {
                bodies.add(((TextMessage) m).getText());
            }
        }
        return bodies;
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rujuk-connector-test-hub-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
