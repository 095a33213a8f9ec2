package org.rujuk.hub.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.rujuk.hub.config.HubProperties;
import org.springframework.stereotype.Component;

/**
 * Counts a message's attempts and remembers why the last one failed. A failed attempt rolls back everything it
 * did; once a message has failed {@code rujuk.delivery.max-attempts} times, its next delivery is not processed
 * at all but moved to the dead-letter address with the last reason. Dead-lettering in a fresh attempt, rather
 * than in the one that failed, is what keeps half-done work (a notice sent before the failure) from committing
 * along with the dead letter.
 */
@Component
public class DeliveryAttempts implements Processor {

    private static final int REMEMBERED_REASONS = 10_000;

    private final int maxAttempts;
    private final Map<String, String> lastFailure = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_REASONS;
                }
            });

    public DeliveryAttempts(HubProperties properties) {
        this.maxAttempts = properties.delivery().maxAttempts();
    }

    /** Refuses to process a message that has already failed every allowed attempt. */
    @Override
    public void process(Exchange exchange) {
        var incoming = exchange.getProperty(IncomingMessage.PROPERTY, IncomingMessage.class);
        if (incoming.deliveryCount() > maxAttempts) {
            String reason = lastFailure.remove(incoming.messageKey());
            throw new AttemptsExhaustedException("failed " + maxAttempts + " attempts; last failure: "
                    + (reason != null ? reason : "not known to this hub instance (it restarted or another hub "
                            + "handled the earlier attempts)"));
        }
    }

    /** Remembers why an attempt failed, for the dead letter the next delivery may become. */
    void remember(Exchange exchange) {
        var incoming = exchange.getProperty(IncomingMessage.PROPERTY, IncomingMessage.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (incoming != null && cause != null) {
            lastFailure.put(incoming.messageKey(), FailureReason.of(cause));
        }
    }

    /** The message has used up its attempts; it goes to the dead-letter address. */
    public static final class AttemptsExhaustedException extends RuntimeException {
        AttemptsExhaustedException(String reason) {
            super(reason);
        }
    }
}
