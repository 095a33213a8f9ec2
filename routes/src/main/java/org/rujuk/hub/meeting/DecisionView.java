package org.rujuk.hub.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.rujuk.hub.deadline.ClockCatalog;

/**
 * The JSON shape of a meeting decision (the decisions API and the ledger view of a referral).
 *
 * @param deadline the clock the decision is about
 * @param clock the decision's own clock ({@code decision_<id>})
 * @param metAt when the decision's clock was met (with the clock it is about), {@code null} while it runs
 * @param kept {@code true} or {@code false} once decided, {@code null} while open
 * @param status {@code open}, {@code kept} or {@code not_kept}
 */
public record DecisionView(long id, UUID referralId, String deadline, String deadlineLabel, LocalDate meetingDate,
        String action, String responsibleAgency, LocalDate dueDate, OffsetDateTime dueAt, String clock,
        String decidedBy, OffsetDateTime decidedAt, OffsetDateTime metAt, Boolean kept, String status) {

    public static DecisionView of(MeetingDecision d, ClockCatalog catalog, OffsetDateTime now) {
        Kept kept = d.kept(now);
        return new DecisionView(d.id(), d.referralId(), d.deadline(),
                catalog.labelOf(d.deadline()), d.meetingDate(),
                d.action(), d.responsibleAgency(), d.dueDate(), d.dueAt(), d.clockId(), d.decidedBy(),
                d.decidedAt(), d.clockMetAt(), kept.asBoolean(), kept.wire());
    }
}
