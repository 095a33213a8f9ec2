package org.rujuk.connector.outbound;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Hands a message to {@link HubSenderRoute} from outside a route (the REST controllers). */
@Component
public class HubSender {

    private final ProducerTemplate producer;

    public HubSender(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * Sends and returns once the broker has the message durably.
     *
     * @throws org.apache.camel.CamelExecutionException if it could not be sent (the broker is away)
     */
    public void send(Outgoing message) {
        // InOnly: a JMS send, never request-reply.
        producer.sendBody(HubSenderRoute.SEND_TO_HUB, message);
    }
}
