package org.rujuk.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractJson;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.ReactorNettyTcpStompClient;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/**
 * Agencies in other languages speak AMQP 1.0 or STOMP with a stock client: the same referral loop works for them,
 * end to end, through the hub's one acceptor.
 */
class AgencyProtocolsTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void amqpAgenciesExchangeAReferralAndItsStatus() throws Exception {
        var factory = new JmsConnectionFactory("amqp://localhost:" + BROKER_PORT);
        ObjectNode referral = referral("police", "social");
        try (var police = factory.createContext("police", "demo", Session.AUTO_ACKNOWLEDGE);
                var social = factory.createContext("social", "demo", Session.AUTO_ACKNOWLEDGE)) {
            police.createProducer().send(police.createQueue(referralsIn()), referral.toString());

            Message delivered = receive(social, inbox("social"), selectorFor(referral));
            assertThat(((TextMessage) delivered).getText()).isEqualTo(referral.toString());
            assertThat(delivered.getStringProperty("rujukType")).isEqualTo("referral");
            assertThat(delivered.getJMSCorrelationID()).isEqualTo(referral.get("referralId").asText());

            Message receipt = receive(police, inbox("police"), selectorFor(referral));
            assertThat(receipt.getStringProperty("rujukType")).isEqualTo("receipt");

            social.createProducer().send(social.createQueue(statusIn()),
                    status(referral, "social", "received").toString());
            Message notice = receive(police, inbox("police"), selectorFor(referral));
            JsonNode json = ContractJson.mapper().readTree(((TextMessage) notice).getText());
            assertThat(json.get("type").asText()).isEqualTo("status");
            assertThat(json.get("status").asText()).isEqualTo("received");
        }
    }

    @Test
    void anAmqpSenderCannotClaimAnotherAccount() throws Exception {
        var factory = new JmsConnectionFactory("amqp://localhost:" + BROKER_PORT);
        ObjectNode referral = referral("social", "health");
        try (var police = factory.createContext("police", "demo", Session.AUTO_ACKNOWLEDGE)) {
            var spoofed = police.createTextMessage(referral.toString());
            spoofed.setStringProperty("_AMQ_VALIDATED_USER", "social");
            spoofed.setStringProperty("JMSXUserID", "social");
            police.createProducer().send(police.createQueue(referralsIn()), spoofed);

            JsonNode rejection = ContractJson.mapper().readTree(
                    ((TextMessage) receive(police, inbox("police"), selectorFor(referral))).getText());
            assertThat(pointers(rejection)).containsExactly("/from");
        }
    }

    @Test
    void stompAgenciesExchangeAReferralAndGetRejections() throws Exception {
        var client = new ReactorNettyTcpStompClient("localhost", BROKER_PORT);
        client.setMessageConverter(new ByteArrayMessageConverter());
        ObjectNode referral = referral("police", "education");
        try {
            StompSession police = connect(client, "police");
            StompSession education = connect(client, "education");
            BlockingQueue<Frame> policeInbox = subscribe(police, inbox("police"));
            BlockingQueue<Frame> educationInbox = subscribe(education, inbox("education"));

            // A STOMP frame with content-length reaches the hub as bytes; the hub reads it all the same.
            send(police, referralsIn(), referral.toString());
            Frame delivered = educationInbox.poll(WAIT, TimeUnit.MILLISECONDS);
            assertThat(delivered).isNotNull();
            assertThat(delivered.body()).isEqualTo(referral.toString());
            assertThat(delivered.headers().getFirst("rujukType")).isEqualTo("referral");
            assertThat(delivered.headers().getFirst("correlation-id")).isEqualTo(referral.get("referralId").asText());

            Frame receipt = policeInbox.poll(WAIT, TimeUnit.MILLISECONDS);
            assertThat(receipt.headers().getFirst("rujukType")).isEqualTo("receipt");

            send(police, referralsIn(), "{\"type\":\"referral\"");
            Frame rejection = policeInbox.poll(WAIT, TimeUnit.MILLISECONDS);
            assertThat(rejection.headers().getFirst("rujukType")).isEqualTo("rejection");
            assertThat(ContractJson.mapper().readTree(rejection.body()).get("errors").get(0).get("message").asText())
                    .contains("JSON");
            police.disconnect();
            education.disconnect();
        } finally {
            client.shutdown();
        }
    }

    private static Message receive(JMSContext context, String queue, String selector) {
        try (var consumer = context.createConsumer(context.createQueue(queue), selector)) {
            return consumer.receive(WAIT);
        }
    }

    private record Frame(StompHeaders headers, String body) {
    }

    private static StompSession connect(ReactorNettyTcpStompClient client, String agency) throws Exception {
        var headers = new StompHeaders();
        headers.setLogin(agency);
        headers.setPasscode("demo");
        return client.connectAsync(headers, new StompSessionHandlerAdapter() { }).get(WAIT, TimeUnit.MILLISECONDS);
    }

    private static BlockingQueue<Frame> subscribe(StompSession session, String queue) {
        var frames = new LinkedBlockingQueue<Frame>();
        session.subscribe(queue, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add(new Frame(headers, new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        return frames;
    }

    private static void send(StompSession session, String address, String body) {
        var headers = new StompHeaders();
        headers.setDestination(address);
        session.send(headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
