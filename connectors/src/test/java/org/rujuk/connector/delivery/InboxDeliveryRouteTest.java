package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.AgencySystem;
import org.rujuk.connector.AgencySystem.Answer;
import org.rujuk.connector.ConnectorApi;
import org.rujuk.connector.Connectors;
import org.rujuk.connector.Messages;
import org.rujuk.connector.RujukConnectorApplication;
import org.rujuk.connector.TestHub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook delivery against the real hub and a real HTTP server as education's system (which checks every signature):
 * health refers children to education over plain JMS, education's connector delivers and acknowledges. How it
 * behaves when the agency system fails, times out, refuses, or is not there.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RujukConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=connector", Connectors.NO_DATABASE, "spring.jmx.enabled=false",
            // As in Connectors.FIXED: fast retries and a 1 s timeout.
            "rujuk.connector.webhook.connect-timeout=1s", "rujuk.connector.webhook.timeout=1s",
            "rujuk.connector.webhook.initial-backoff=50ms", "rujuk.connector.webhook.max-backoff=200ms"})
@DirtiesContext
class InboxDeliveryRouteTest {

    private static final String AGENCY = "education";
    private static final String SENDER = "health";
    private static final AgencySystem educationSystem = new AgencySystem();

    @DynamicPropertySource
    static void educationWithAWebhook(DynamicPropertyRegistry registry) {
        Connectors.forHub(AGENCY).forEach((key, value) -> registry.add(key, () -> value));
        Connectors.webhook(educationSystem).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rujuk.connector.password", () -> TestHub.PASSWORD);
    }

    @AfterAll
    static void stopTheAgencySystem() {
        educationSystem.close();
    }

    @Autowired
    MeterRegistry metrics;

    @LocalServerPort
    int port;

    @Test
    void retriesServerErrorsWithBackoffThenDeliversOnceAndAcknowledges() throws Exception {
        educationSystem.script(Answer.status(503), Answer.status(500), Answer.status(429));
        UUID id = refer();

        await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));

        var calls = educationSystem.callsAbout(id, "referral");
        assertThat(calls).hasSize(4);
        // All within one delivery from the broker: retried by the connector, with the same key each time.
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.signatureValid()).isTrue();
            assertThat(call.idempotencyKey()).isEqualTo("referral:" + id);
            assertThat(call.deliveryCount()).isEqualTo(1);
            assertThat(call.header("Content-Type")).startsWith("application/json");
            assertThat(call.header("X-Rujuk-Agency")).isEqualTo(AGENCY);
        });
        assertThat(calls.get(1).at()).isAfter(calls.get(0).at());
        assertThat(counter("rujuk.connector.delivery.failed.attempts", "reason", "server_error")).isGreaterThanOrEqualTo(3);
        assertThat(health().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void retriesAWebhookThatTimesOut() throws Exception {
        var released = new CountDownLatch(1);
        educationSystem.script(Answer.hangUntil(released));
        try {
            UUID id = refer();

            await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));

            var calls = educationSystem.callsAbout(id, "referral");
            assertThat(calls).hasSize(2);
            assertThat(calls).extracting(AgencySystem.Call::idempotencyKey).containsOnly("referral:" + id);
            assertThat(counter("rujuk.connector.delivery.failed.attempts", "reason", "timeout")).isGreaterThanOrEqualTo(1);
        } finally {
            released.countDown();
        }
    }

    @Test
    void keepsARefusedMessageInTheBrokerAndReportsItInHealthUntilTheAgencySystemTakesIt() throws Exception {
        var released = new CountDownLatch(1);
        educationSystem.script(Answer.status(400), Answer.status(422), Answer.hangUntil(released));
        UUID id = refer();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> educationSystem.callsAbout(id, "referral").size() == 3);

            // Not retried by the connector: each call is a new delivery by the broker, which kept the message.
            assertThat(educationSystem.callsAbout(id, "referral")).extracting(AgencySystem.Call::deliveryCount)
                    .containsExactly(1, 2, 3);
            var health = health();
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            var delivery = health.at("/components/delivery");
            assertThat(delivery.get("status").asText()).isEqualTo("DOWN");
            assertThat(delivery.at("/details/consecutiveFailures").asInt()).isEqualTo(2);
            assertThat(delivery.at("/details/lastError").asText()).contains("refused the message with HTTP 422");
            assertThat(delivery.at("/details/lastFailedMessage").asText()).isEqualTo("referral:" + id);
            // Nobody said `received` for education.
            assertThat(TestHub.get().state(id)).isEqualTo("submitted");
        } finally {
            released.countDown();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));
        await().atMost(Duration.ofSeconds(5)).until(() -> health().get("status").asText().equals("UP"));
        assertThat(counter("rujuk.connector.delivery.failed.attempts", "reason", "refused")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void waitsForAnAgencySystemThatIsNotListening() throws Exception {
        educationSystem.stop();
        UUID id;
        try {
            id = refer();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> health().at("/components/delivery/details/consecutiveFailures").asInt() >= 2);
            assertThat(health().at("/components/delivery/details/lastError").asText()).contains("connection refused");
            assertThat(TestHub.get().state(id)).isEqualTo("submitted");
        } finally {
            educationSystem.start();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));
        assertThat(educationSystem.callsAbout(id, "referral")).singleElement()
                .satisfies(call -> assertThat(call.deliveryCount()).isGreaterThan(1));
        assertThat(counter("rujuk.connector.delivery.failed.attempts", "reason", "unreachable")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sendsReceivedOnlyForReferrals() throws Exception {
        // A status update education was never party to: the hub answers with a rejection, to education's inbox.
        UUID unknown = UUID.randomUUID();
        long statusesBefore = TestHub.get().messagesAdded("rujuk.status.in");
        TestHub.get().send(AGENCY, "rujuk.status.in", Messages.status(unknown, AGENCY, "accepted").toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> educationSystem.callsAbout(unknown, "rejection").size() == 1);
        assertThat(educationSystem.callsAbout(unknown, "rejection").get(0).json().get("errors")).isNotEmpty();
        TestHub.get().awaitIdle("rujuk.status.in");
        assertThat(TestHub.get().messagesAdded("rujuk.status.in") - statusesBefore)
                .as("only education's own update, no `received`").isEqualTo(1);
    }

    private static UUID refer() throws Exception {
        var referral = Messages.referral(SENDER, AGENCY);
        TestHub.get().send(SENDER, "rujuk.referrals.in", referral.toString());
        return Messages.id(referral);
    }

    private JsonNode health() {
        return ConnectorApi.json(new ConnectorApi(port, Connectors.apiUser(AGENCY), Connectors.apiPassword(AGENCY))
                .get("/actuator/health"));
    }

    private double counter(String name, String tag, String value) {
        var counter = metrics.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
