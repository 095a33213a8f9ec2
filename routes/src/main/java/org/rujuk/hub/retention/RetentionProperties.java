package org.rujuk.hub.retention;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the hub keeps what it no longer needs.
 *
 * @param closedHandoffs how long a hand-off stays in the ledger after its final state (ISO-8601 or {@code 5y}, {@code 90d})
 * @param deadLetters    how long a dead letter stays on {@code rujuk.dead} after it was dead-lettered
 * @param interval       how often the retention job runs
 * @param batchSize      closed hand-offs reduced and deleted per transaction
 */
@Validated
@ConfigurationProperties("rujuk.retention")
public record RetentionProperties(
        @DefaultValue("5y") @NotNull Period closedHandoffs,
        @DefaultValue("90d") @NotNull Period deadLetters,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") @NotNull Duration interval,
        @DefaultValue("500") @Min(1) int batchSize) {

    public RetentionProperties {
        // A zero or negative period would delete open work's neighbours the moment they close: refuse to start.
        if (closedHandoffs != null && (closedHandoffs.isNegative() || closedHandoffs.isZero())) {
            throw new IllegalArgumentException("rujuk.retention.closed-handoffs must be a positive period");
        }
        if (deadLetters != null && (deadLetters.isNegative() || deadLetters.isZero())) {
            throw new IllegalArgumentException("rujuk.retention.dead-letters must be a positive period");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("rujuk.retention.interval must be positive");
        }
    }
}
