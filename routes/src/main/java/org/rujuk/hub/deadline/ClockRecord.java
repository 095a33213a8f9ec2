package org.rujuk.hub.deadline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One clock of one hand-off as stored: when it started, fell due, and (if so) when it was escalated or met. */
public record ClockRecord(
        UUID referralId,
        String clockId,
        String mustAct,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime level2At,
        int level,
        OffsetDateTime nextEscalationAt,
        OffsetDateTime stuckSince,
        OffsetDateTime metAt,
        Long lateByMillis) {

    public boolean running() {
        return metAt == null;
    }

    /** How late the clock is at {@code now}, or was when met; zero if not late. */
    public Duration lateBy(OffsetDateTime now) {
        if (metAt != null) {
            return Duration.ofMillis(lateByMillis == null ? 0 : lateByMillis);
        }
        return now.isAfter(dueAt) ? Duration.between(dueAt, now) : Duration.ZERO;
    }
}
