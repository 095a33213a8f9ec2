package org.rujuk.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jakarta.jms.Message;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.broker.EmbeddedBroker;
import org.rujuk.hub.config.HubProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as it runs by default (embedded Artemis with its TCP acceptor, security and persistence) but on a free
 * port, a fresh data directory and a real PostgreSQL. All subclasses share one Spring context, one broker and one
 * database; each test uses fresh referral ids and starts from empty queues.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({FaultInjection.class, MutableClock.Config.class})
public abstract class HubIntegrationTest {

    protected static final int BROKER_PORT = TestPorts.free();
    protected static final String BROKER_URL = "tcp://localhost:" + BROKER_PORT;
    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void hubOnTestInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("rujuk.data-dir", DATA_DIR::toString);
        registry.add("rujuk.broker.acceptor-url", () -> BROKER_URL);
        registry.add("rujuk.broker.url", () -> "vm://" + BROKER_PORT);
        registry.add("rujuk.delivery.redelivery-delay", () -> "20ms");
        registry.add("rujuk.delivery.max-redelivery-delay", () -> "100ms");
        // Tests move the clock and run the watchdog themselves.
        registry.add("rujuk.watchdog.enabled", () -> "false");
    }

    @Autowired
    protected EmbeddedBroker broker;

    @Autowired
    protected HubProperties properties;

    @Autowired
    protected FaultInjection faults;

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void startFromEmptyQueuesWithoutFaults() throws Exception {
        faults.disarmAll();
        var addresses = properties.addresses();
        var queues = new ArrayList<>(List.of(addresses.referralsIn(), addresses.statusIn(),
                addresses.dead()));
        properties.agencies().forEach(agency -> queues.add(addresses.inboxOf(agency.code())));
        for (String queue : queues) {
            broker.server().locateQueue(SimpleString.of(queue)).deleteAllReferences();
        }
    }

    protected AgencyClient agency(String code) throws Exception {
        return new AgencyClient(BROKER_URL, code, "demo");
    }

    protected String inbox(String code) {
        return properties.addresses().inboxOf(code);
    }

    protected String referralsIn() {
        return properties.addresses().referralsIn();
    }

    protected String statusIn() {
        return properties.addresses().statusIn();
    }

    /** A valid referral from the contract's examples, with a fresh id and the given parties. */
    protected static ObjectNode referral(String from, String to) {
        ObjectNode referral = (ObjectNode) Examples.json("referral-police-to-social.json");
        referral.put("referralId", UUID.randomUUID().toString());
        referral.put("from", from);
        referral.put("to", to);
        return referral;
    }

    protected static ObjectNode status(JsonNode referral, String from, String status) {
        ObjectNode update = ContractJson.mapper().createObjectNode();
        update.put("type", "status");
        update.put("referralId", referral.get("referralId").asText());
        update.put("from", from);
        update.put("status", status);
        update.put("at", "2026-11-28T10:00:00+07:00");
        if (status.equals("declined") || status.equals("withdrawn")) {
            update.put("reason", "Layanan tidak tersedia bulan ini");
        }
        return update;
    }

    protected static String selectorFor(JsonNode referral) {
        return "referralId = '" + referral.get("referralId").asText() + "'";
    }

    /** Waits until the hub has consumed and committed everything on the queue. */
    protected void awaitIdle(String queue) {
        var q = broker.server().locateQueue(SimpleString.of(queue));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> q.getMessageCount() == 0 && q.getDeliveringCount() == 0);
    }

    protected static JsonNode read(Message message) throws Exception {
        assertThat(message).as("expected a message").isNotNull();
        return ContractJson.mapper().readTree(AgencyClient.text(message));
    }

    /** The pointers of a rejection's errors, in order. */
    protected static List<String> pointers(JsonNode rejection) {
        assertThat(rejection.get("type").asText()).isEqualTo("rejection");
        var pointers = new ArrayList<String>();
        rejection.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        return pointers;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rujuk-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract module's example messages. */
    public static final class Examples {
        private Examples() {
        }

        public static JsonNode json(String name) {
            try (var in = HubIntegrationTest.class.getResourceAsStream("/examples/" + name)) {
                return ContractJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
