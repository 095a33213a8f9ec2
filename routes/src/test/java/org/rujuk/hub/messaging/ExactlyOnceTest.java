package org.rujuk.hub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rujuk.hub.FaultInjection.Point;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub fails at each step between consuming a message and committing it: before the ledger commits, after the
 * ledger commits but before anything is sent, and after the sends but before the JMS commit. Every time the
 * broker redelivers and the outcome is the same as without the failure: each notice in each inbox exactly once,
 * each ledger record exactly once. A failure that never goes away ends in the dead-letter address with its
 * reason, and nothing half-done leaks out.
 */
class ExactlyOnceTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(Point.class)
    void referralSurvivesAFailureAtEachStepExactlyOnce(Point point) throws Exception {
        faults.arm("referral", point, 2);
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
            awaitIdle(referralsIn());

            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(referral)))
                    .extracting(m -> m.getStringProperty("rujukType")).containsExactly("receipt");
        }
        assertThat(events(referral)).containsExactly("submitted");
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void statusSurvivesAFailureAtEachStepExactlyOnce(Point point) throws Exception {
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
            assertThat(police.receive(inbox("police"), selectorFor(referral), WAIT)).isNotNull();

            faults.arm("status", point, 2);
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            awaitIdle(statusIn());

            List<Message> notices = police.drain(inbox("police"), selectorFor(referral));
            assertThat(notices).extracting(m -> read(m).get("status").asText())
                    .containsExactlyInAnyOrder("received", "accepted");
        }
        assertThat(events(referral)).containsExactly("submitted", "received", "accepted");
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void movesAMessageThatKeepsFailingToTheDeadLetterAddressWithItsReason(Point point) throws Exception {
        faults.arm("referral", point, Integer.MAX_VALUE);
        ObjectNode referral = referral("police", "health");
        try (var police = agency("police"); var health = agency("health"); var admin = new org.rujuk.hub.AgencyClient(
                BROKER_URL, "admin", "demo")) {
            police.sendText(referralsIn(), referral.toString());

            Message dead = admin.receive(properties.addresses().dead(), null, 30_000);
            assertThat(dead).isNotNull();
            assertThat(dead.getStringProperty("rujukDeadReason")).contains("injected fault");
            assertThat(dead.getStringProperty("rujukSender")).isEqualTo("police");
            assertThat(dead.getStringProperty("rujukOriginalAddress")).isEqualTo(referralsIn());
            assertThat(dead.getStringProperty("rujukDeadReason"))
                    .startsWith("AttemptsExhaustedException: failed " + properties.delivery().maxAttempts());
            // Moved by the hub, with its reason, on the delivery after the last allowed attempt (not by the
            // broker's backstop one later).
            assertThat(dead.getIntProperty("rujukDeliveryCount")).isEqualTo(properties.delivery().maxAttempts() + 1);
            assertThat(read(dead).get("referralId").asText()).isEqualTo(referral.get("referralId").asText());

            // Half-done work never leaks: what the failed attempts sent was rolled back with them.
            assertThat(health.drain(inbox("health"), selectorFor(referral))).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(referral))).isEmpty();
        }
    }

    @Test
    void brokerAbsorbsASecondSendWithTheSameDuplicateId() throws Exception {
        var factory = new ActiveMQConnectionFactory(BROKER_URL, "hub", "demo");
        try (var connection = factory.createConnection(); var social = agency("social")) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue(inbox("social")));
            for (int i = 0; i < 2; i++) {
                var message = session.createTextMessage("{\"type\":\"receipt\"}");
                message.setStringProperty("_AMQ_DUPL_ID", "receipt:duplicate-check");
                message.setStringProperty("referralId", "duplicate-check");
                producer.send(message);
            }
            assertThat(social.drain(inbox("social"), "referralId = 'duplicate-check'")).hasSize(1);
        }
    }

    private List<String> events(JsonNode referral) {
        return jdbc.sql("select state from handoff_event where referral_id = cast(:id as uuid) order by id")
                .param("id", referral.get("referralId").asText()).query(String.class).list();
    }
}
