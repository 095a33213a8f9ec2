package org.rujuk.hub.deadline;

import java.time.OffsetDateTime;

/** One entry of a clock's history: started, escalated (with level), met or stopped (with how late). */
public record DeadlineEvent(String clockId, String kind, Integer level, OffsetDateTime dueAt, OffsetDateTime at,
        Long lateByMillis) {
}
