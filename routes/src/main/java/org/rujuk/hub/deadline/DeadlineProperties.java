package org.rujuk.hub.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.rujuk.contract.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operational deadlines of a hand-off, per priority, as ISO-8601 durations (defaults from DOMAIN.md): how long
 * it may wait to be {@code received}, to be answered ({@code accepted} or {@code declined}), and how long it may go
 * without progress while {@code accepted} or {@code in_progress}.
 */
@Validated
@ConfigurationProperties("rujuk.deadlines")
public record DeadlineProperties(@Valid @NotNull PerPriority receive, @Valid @NotNull PerPriority answer,
        @Valid @NotNull PerPriority progress) {

    /** One duration per priority. */
    public record PerPriority(@NotNull Duration routine, @NotNull Duration urgent, @NotNull Duration emergency) {

        public Duration of(Priority priority) {
            return switch (priority) {
                case ROUTINE -> routine;
                case URGENT -> urgent;
                case EMERGENCY -> emergency;
            };
        }
    }
}
