package org.rujuk.hub.messaging;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling every hub route opts into. Business failures never reach it: the routes answer them with a
 * rejection. A technical failure (database down, broker hiccup) is remembered and propagates, so the local JMS
 * transaction rolls back everything the attempt did and the broker redelivers the message with back-off. The
 * delivery after the last allowed attempt is moved to the dead-letter address with the remembered reason (see
 * {@link DeliveryAttempts}), and so is a message that cannot be answered: never lost, never half-done.
 */
@Component
public class HubRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "hub-error-handling";
    public static final String DEAD_LETTER = "direct:dead-letter";

    private final DeliveryAttempts attempts;

    public HubRouteConfiguration(DeliveryAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(UnanswerableMessageException.class, DeliveryAttempts.AttemptsExhaustedException.class)
                    .handled(true)
                    .to(DEAD_LETTER)
                .end()
                // Expected, e.g. while a status update waits for its referral: rolled back quietly, redelivered.
                .onException(RetryLaterException.class)
                    .logExhausted(false)
                    .logStackTrace(false)
                    .process(attempts::remember)
                .end()
                .onException(Exception.class)
                    .process(attempts::remember)
                .end();
    }
}
