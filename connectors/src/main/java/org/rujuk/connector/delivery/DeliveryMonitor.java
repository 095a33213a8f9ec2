package org.rujuk.connector.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.rujuk.connector.config.Failures;
import org.rujuk.connector.delivery.DeliveryFailedException.Reason;
import org.springframework.stereotype.Component;

/**
 * What delivery has been doing, for health ({@link DeliveryHealthIndicator}) and metrics:
 * {@code rujuk.connector.delivery.delivered} (tag {@code type}), {@code rujuk.connector.delivery.failed.attempts}
 * (each failed webhook call or folder write, tag {@code reason}), and the gauge
 * {@code rujuk.connector.delivery.consecutive.failures} (inbox deliveries that failed since the last one that
 * worked). Ids and reasons only, never a body.
 */
@Component
class DeliveryMonitor {

    private final MeterRegistry registry;
    private final Clock clock;
    private long delivered;
    private int consecutiveFailures;
    private Instant lastDeliveredAt;
    private Instant lastFailureAt;
    private String lastError;
    private String lastFailedMessage;

    DeliveryMonitor(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("rujuk.connector.delivery.consecutive.failures", this, m -> m.snapshot().consecutiveFailures())
                .description("inbox deliveries that failed since the last one that worked")
                .register(registry);
    }

    public synchronized void delivered(@ExchangeProperty(InboxMessage.PROPERTY) InboxMessage message) {
        delivered++;
        consecutiveFailures = 0;
        lastDeliveredAt = clock.instant();
        Counter.builder("rujuk.connector.delivery.delivered").description("inbox messages the agency system has")
                .tag("type", message.type() == null ? "unknown" : message.type())
                .register(registry).increment();
    }

    void attemptFailed(Reason reason) {
        Counter.builder("rujuk.connector.delivery.failed.attempts").description("failed webhook calls and folder writes")
                .tag("reason", reason.tag())
                .register(registry).increment();
    }

    /** The whole delivery of one inbox message failed: it goes back to the broker. */
    public synchronized void deliveryFailed(Exchange exchange) {
        Exception failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof DeliveryFailedException folder && folder.reason() == Reason.FOLDER) {
            attemptFailed(Reason.FOLDER);
        }
        var message = exchange.getProperty(InboxMessage.PROPERTY, InboxMessage.class);
        consecutiveFailures++;
        lastFailureAt = clock.instant();
        lastError = failure instanceof DeliveryFailedException ? failure.getMessage() : Failures.describe(failure);
        lastFailedMessage = message == null ? null : message.idempotencyKey();
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(delivered, consecutiveFailures, lastDeliveredAt, lastFailureAt, lastError, lastFailedMessage);
    }

    record Snapshot(long delivered, int consecutiveFailures, Instant lastDeliveredAt, Instant lastFailureAt,
            String lastError, String lastFailedMessage) {
    }
}
