package org.rujuk.hub.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists and removes single messages of a queue through the broker's management, the same way for the embedded
 * broker (its queue control, in-process) and an external one (management messages as its administrator, as
 * {@link BrokerProvisioner} provisions it). Used by retention to purge old dead letters.
 */
public interface QueueMessages {

    /** One message on a queue: the broker's id and timestamp (epoch ms) and a string property's value or null. */
    record Queued(long messageId, long timestamp, JsonNode fields) {

        public String property(String name) {
            JsonNode value = fields.get(name);
            if (value == null && fields.has("properties")) {
                value = fields.get("properties").get(name);
            }
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    List<Queued> list(String queue) throws Exception;

    /** Removes one message; {@code false} when it was no longer there. */
    boolean remove(String queue, long messageId) throws Exception;

    /** Both brokers answer {@code listMessagesAsJSON} with the same JSON: an array of the messages' fields. */
    static List<Queued> parse(String json) throws Exception {
        var messages = new ArrayList<Queued>();
        for (JsonNode message : new ObjectMapper().readTree(json)) {
            messages.add(new Queued(message.get("messageID").asLong(), message.path("timestamp").asLong(), message));
        }
        return messages;
    }
}
