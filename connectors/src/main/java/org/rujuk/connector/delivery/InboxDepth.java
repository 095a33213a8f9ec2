package org.rujuk.connector.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code rujuk.connector.inbox.pending}: how many messages wait in the agency's inbox (including one being
 * retried), counted by browsing it — agencies may browse their own inbox — at most every 10 s and up to
 * {@value #CAP}. NaN while the broker cannot be asked.
 */
@Component
class InboxDepth {

    static final int CAP = 10_000;
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JmsTemplate jms;
    private final String inbox;
    private final Clock clock;
    private double count = Double.NaN;
    private Instant countedAt;

    InboxDepth(ConnectionFactory connectionFactory, ConnectorProperties properties, Clock clock, MeterRegistry registry) {
        this.jms = new JmsTemplate(connectionFactory);
        this.inbox = properties.addresses().inbox();
        this.clock = clock;
        Gauge.builder("rujuk.connector.inbox.pending", this, InboxDepth::count)
                .description("messages waiting in the agency's inbox (browsed, capped at " + CAP + ")")
                .register(registry);
    }

    synchronized double count() {
        Instant now = clock.instant();
        if (countedAt == null || countedAt.plus(FRESH_FOR).isBefore(now)) {
            countedAt = now;
            try {
                Integer counted = jms.browse(inbox, (session, browser) -> {
                    var messages = browser.getEnumeration();
                    int n = 0;
                    while (n < CAP && messages.hasMoreElements()) {
                        messages.nextElement();
                        n++;
                    }
                    return n;
                });
                count = counted == null ? Double.NaN : counted;
            } catch (JmsException e) {
                count = Double.NaN;
            }
        }
        return count;
    }
}
