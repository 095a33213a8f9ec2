package org.rujuk.hub.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.rujuk.hub.config.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The error handling every hub route opts into. Business failures never reach it: the routes answer them with a
 * rejection. A technical failure (database down, broker hiccup) propagates, so the local JMS transaction rolls
 * back and the broker redelivers the message with back-off; on its last allowed delivery the message goes to the
 * dead-letter address with the reason instead, in the same transaction, so it is never lost.
 */
@Component
public class HubRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "hub-error-handling";
    public static final String DEAD_LETTER = "direct:dead-letter";

    private final int maxAttempts;

    public HubRouteConfiguration(HubProperties properties) {
        this.maxAttempts = properties.delivery().maxAttempts();
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(UnanswerableMessageException.class)
                    .handled(true)
                    .to(DEAD_LETTER)
                .end()
                .onException(Exception.class)
                    .onWhen(this::lastAttempt)
                    .handled(true)
                    .to(DEAD_LETTER)
                .end();
    }

    private boolean lastAttempt(Exchange exchange) {
        var incoming = exchange.getProperty(IncomingMessage.PROPERTY, IncomingMessage.class);
        int deliveryCount = incoming != null ? incoming.deliveryCount()
                : exchange.getIn().getHeader("JMSXDeliveryCount", 1, Integer.class);
        return deliveryCount >= maxAttempts;
    }
}
