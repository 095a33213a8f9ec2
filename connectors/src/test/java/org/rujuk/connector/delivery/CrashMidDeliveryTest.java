package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.AgencySystem;
import org.rujuk.connector.Connectors;
import org.rujuk.connector.Messages;
import org.rujuk.connector.RujukConnectorApplication;
import org.rujuk.connector.TestHub;
import org.rujuk.contract.ContractJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector fails after the agency system has the referral and the `received` status is sent, but before the
 * inbox message is acknowledged: everything rolls back, the broker offers the message again, the agency system sees
 * it a second time with the same idempotency key, and the hub gets one `received`.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RujukConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=connector", Connectors.NO_DATABASE, "spring.jmx.enabled=false"})
@DirtiesContext
class CrashMidDeliveryTest {

    private static final String AGENCY = "uptd_ppa";
    private static final String SENDER = "prosecutor";
    private static final AgencySystem protectionUnit = new AgencySystem();

    @DynamicPropertySource
    static void protectionUnitWithAWebhook(DynamicPropertyRegistry registry) {
        Connectors.forHub(AGENCY).forEach((key, value) -> registry.add(key, () -> value));
        Connectors.webhook(protectionUnit).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rujuk.connector.password", () -> TestHub.PASSWORD);
    }

    @AfterAll
    static void stopTheAgencySystem() {
        protectionUnit.close();
    }

    @Autowired
    CamelContext camel;

    @Test
    void redeliversWithTheSameIdempotencyKeyAndAcknowledgesOnceAfterACrashBeforeTheCommit() throws Exception {
        var crashOnce = new AtomicBoolean(true);
        AdviceWith.adviceWith(camel, "inbox-delivery", route -> route.weaveById("send-received-status").after()
                .process(exchange -> {
                    if (crashOnce.getAndSet(false)) {
                        throw new IllegalStateException("injected: the connector dies before the inbox commit");
                    }
                }));
        var referral = Messages.referral(SENDER, AGENCY);
        UUID id = Messages.id(referral);
        long statusesBefore = TestHub.get().messagesAdded("rujuk.status.in");

        TestHub.get().send(SENDER, "rujuk.referrals.in", referral.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));
        assertThat(crashOnce).isFalse();
        var calls = protectionUnit.callsAbout(id, "referral");
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(AgencySystem.Call::idempotencyKey).containsOnly("referral:" + id);
        assertThat(calls).extracting(AgencySystem.Call::deliveryCount).containsExactly(1, 2);
        assertThat(calls).allMatch(AgencySystem.Call::signatureValid);

        // The first `received` rolled back with the inbox message: one reached the hub, one notice reached the sender.
        TestHub.get().awaitIdle("rujuk.status.in");
        assertThat(TestHub.get().messagesAdded("rujuk.status.in") - statusesBefore).isEqualTo(1);
        var senderInbox = TestHub.get().drainInbox(SENDER, id).stream().map(CrashMidDeliveryTest::type).toList();
        assertThat(senderInbox).containsExactlyInAnyOrder("receipt", "status");
        assertThat(TestHub.get().ledger(id).get("history")).extracting(event -> event.get("state").asText())
                .containsExactly("submitted", "received");
    }

    private static String type(String body) {
        try {
            return ContractJson.mapper().readTree(body).get("type").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
