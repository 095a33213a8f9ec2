package org.rujuk.faults;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.rujuk.contract.ContractJson;

/**
 * One agency's system, as its own process: consumes its inbox in a local transaction; for each message appends a
 * line to its record file (flushed to the kernel before the commit, so a consumed message is always recorded);
 * answers every referral with the receiving agency's status loop, in the referral's transaction. Whatever fails
 * rolls back and the broker redelivers: a redelivered message is recorded again under the same message id, which
 * the checker counts once.
 *
 * <p>Arguments: {@code <broker-url> <agency> <record-file>}; the password comes from the agency's RUJUK_*
 * variable. Record lines: message id, rujukType, referral id, status (or -), time received (ms).
 */
public final class AgencyConsumer {

    public static void main(String[] args) throws Exception {
        String brokerUrl = args[0];
        String agency = args[1];
        Path record = Path.of(args[2]);
        var factory = new ActiveMQConnectionFactory(Agencies.clientUrl(brokerUrl, true));
        String password = System.getenv(Agencies.passwordVariable(agency));
        try (BufferedWriter out = Files.newBufferedWriter(record, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                try (Connection connection = factory.createConnection(agency, password)) {
                    connection.start();
                    consume(connection, agency, out);
                } catch (JMSException e) {
                    System.out.println(agency + ": " + e.getMessage() + "; reconnecting");
                }
            }
        }
    }

    private static void consume(Connection connection, String agency, BufferedWriter out) throws Exception {
        var session = connection.createSession(true, Session.SESSION_TRANSACTED);
        var consumer = session.createConsumer(session.createQueue(Agencies.inbox(agency)));
        var statuses = session.createProducer(session.createQueue(Agencies.STATUS_IN));
        while (true) {
            Message message = consumer.receive(1000);
            if (message == null) {
                continue;
            }
            String type = message.getStringProperty("rujukType");
            String text = message instanceof TextMessage t ? t.getText() : "";
            JsonNode body = ContractJson.mapper().readTree(text);
            String referralId = body.path("referralId").asText("-");
            String status = body.path("status").asText("-");
            out.write(String.join("\t", message.getJMSMessageID(), String.valueOf(type), referralId, status,
                    String.valueOf(System.currentTimeMillis())));
            out.newLine();
            out.flush();
            if ("referral".equals(type)) {
                // The whole loop commits with the referral: an agency that took a referral always answers it. A
                // redelivered referral (the commit's outcome was unknown) is answered with the same statuses, `at`
                // included, as a real system would re-send the same messages.
                var at = Instant.ofEpochMilli(message.getJMSTimestamp());
                int step = 0;
                for (String answer : Agencies.STATUS_LOOP) {
                    var update = ContractJson.mapper().createObjectNode();
                    update.put("type", "status");
                    update.put("referralId", referralId);
                    update.put("from", agency);
                    update.put("status", answer);
                    update.put("at", Agencies.rfc3339(at.plusSeconds(step++)));
                    statuses.send(session.createTextMessage(update.toString()));
                }
            }
            session.commit();
        }
    }
}
