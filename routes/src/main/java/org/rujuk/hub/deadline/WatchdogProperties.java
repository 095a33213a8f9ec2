package org.rujuk.hub.deadline;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the watchdog looks for hand-offs past a deadline (a late hand-off is announced at most one interval
 * after its deadline) and how many it takes per database transaction.
 */
@Validated
@ConfigurationProperties("rujuk.watchdog")
public record WatchdogProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") @NotNull Duration interval,
        @DefaultValue("200") @Min(1) int batchSize) {
}
