package org.rujuk.connector.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.rujuk.contract.ContractJson;
import org.springframework.stereotype.Component;

/**
 * Reads an inbox message into an {@link InboxMessage} on the exchange. The hub sets {@code rujukType},
 * {@code referralId} and a duplicate id on everything it sends (CONTRACT.md); the body is read only when a property
 * is missing.
 */
@Component
class InboxMessageReader implements Processor {

    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Override
    public void process(Exchange exchange) throws JMSException {
        var message = read(exchange.getIn(JmsMessage.class).getJmsMessage());
        exchange.setProperty(InboxMessage.PROPERTY, message);
        exchange.setProperty(ConnectorRouteConfiguration.SUBJECT, message.idempotencyKey());
    }

    InboxMessage read(Message jms) throws JMSException {
        byte[] body;
        if (jms instanceof TextMessage text) {
            body = text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        } else if (jms instanceof BytesMessage bytes) {
            bytes.reset();
            body = new byte[Math.toIntExact(bytes.getBodyLength())];
            bytes.readBytes(body);
        } else {
            body = new byte[0];
        }
        String type = stringProperty(jms, "rujukType");
        String referralId = stringProperty(jms, "referralId");
        if (type == null || referralId == null) {
            JsonNode json = parse(body);
            type = type != null ? type : text(json, "type");
            referralId = referralId != null ? referralId : text(json, "referralId");
        }
        String key = stringProperty(jms, DUPLICATE_ID);
        int deliveryCount = jms.propertyExists("JMSXDeliveryCount") ? jms.getIntProperty("JMSXDeliveryCount") : 1;
        return new InboxMessage(jms.getJMSMessageID(), key != null ? key : jms.getJMSMessageID(), type,
                uuid(referralId), body, deliveryCount,
                jms.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(jms.getJMSTimestamp()) : null);
    }

    /** Artemis may hold the duplicate id as bytes; every other property here is text. */
    private static String stringProperty(Message jms, String name) throws JMSException {
        if (!jms.propertyExists(name)) {
            return null;
        }
        Object value = jms.getObjectProperty(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static JsonNode parse(byte[] body) {
        try {
            return ContractJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.isObject() || json.get(field) == null || !json.get(field).isTextual()) {
            return null;
        }
        return json.get(field).asText();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
