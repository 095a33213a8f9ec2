package org.rujuk.connector.delivery;

import java.util.ArrayList;
import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code delivery}: DOWN while the last inbox delivery failed (the message waits in the broker,
 * which offers it again), with the reason, how many in a row, and which message (by its idempotency key); UP once
 * one goes through. UNKNOWN when delivery is off. Never a body or the agency system's answer.
 */
@Component
class DeliveryHealthIndicator implements HealthIndicator {

    private final ConnectorProperties properties;
    private final DeliveryMonitor monitor;

    DeliveryHealthIndicator(ConnectorProperties properties, DeliveryMonitor monitor) {
        this.properties = properties;
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        if (!properties.delivers()) {
            return Health.unknown().withDetail("delivery", "off: neither webhook-url nor inbox-dir is set, so the "
                    + "agency's inbox is left to the agency's own broker client").build();
        }
        var targets = new ArrayList<String>();
        if (properties.deliversToFolder()) {
            targets.add("folder");
        }
        if (properties.deliversByWebhook()) {
            targets.add("webhook");
        }
        var state = monitor.snapshot();
        var health = state.consecutiveFailures() == 0 ? Health.up() : Health.down();
        health.withDetail("targets", targets)
                .withDetail("delivered", state.delivered())
                .withDetail("consecutiveFailures", state.consecutiveFailures());
        if (state.lastDeliveredAt() != null) {
            health.withDetail("lastDeliveredAt", state.lastDeliveredAt().toString());
        }
        if (state.lastFailureAt() != null) {
            health.withDetail("lastFailureAt", state.lastFailureAt().toString())
                    .withDetail("lastError", state.lastError())
                    .withDetail("lastFailedMessage", String.valueOf(state.lastFailedMessage()));
        }
        return health.build();
    }
}
