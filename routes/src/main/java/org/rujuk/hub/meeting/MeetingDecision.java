package org.rujuk.hub.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.rujuk.hub.deadline.ClockCatalog;

/**
 * What a coordination meeting decided about one stuck hand-off.
 *
 * @param deadline the clock of the hand-off the decision is about
 * @param action what is to be done: a coordinator's free text, never logged
 * @param dueAt the end of {@code dueDate} in the display time zone (the start of the next day there)
 * @param clockMetAt when the decision's own clock was met, {@code null} while it runs
 */
public record MeetingDecision(
        long id,
        UUID referralId,
        String deadline,
        LocalDate meetingDate,
        String action,
        String responsibleAgency,
        LocalDate dueDate,
        OffsetDateTime dueAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        OffsetDateTime clockMetAt) {

    /** The decision's own clock in {@code handoff_clock}. */
    public String clockId() {
        return clockId(id);
    }

    static String clockId(long decisionId) {
        return ClockCatalog.DECISION_PREFIX + decisionId;
    }

    public Kept kept(OffsetDateTime now) {
        return Kept.of(dueAt, clockMetAt, now);
    }
}
