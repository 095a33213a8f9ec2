package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hub tells coordinators on {@code rujuk.escalations} that a hand-off is stuck ({@code escalation}
 * schema): the referral has stayed in {@code state} past the clock {@code deadline}, and {@code mustAct}
 * must act. {@code level} is 1 at the deadline and 2 at twice the deadline, for the coordination meeting.
 *
 * <p>Coordinators and notification services outside the referral's two parties read it, so it carries
 * nothing that identifies the child: only ids, agencies, the clock and the referral's priority, childRole
 * and category. {@code label} and {@code source} come from the hub's configuration, not from an agency,
 * so {@link #toString()} is the record's own.
 *
 * @param overdueBy how late the hand-off was at {@code escalatedAt}, as {@link java.time.Duration#toString()}
 *     writes it, e.g. {@code PT49H}
 * @param source the clock's legal source; null when the clock names none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Escalation(
        String type,
        UUID referralId,
        String from,
        String to,
        String mustAct,
        HandoffState state,
        String deadline,
        String label,
        String source,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime escalatedAt,
        String overdueBy,
        int level,
        Priority priority,
        ChildRole childRole,
        Category category) {

    /** The value of {@code type} on every escalation. */
    public static final String TYPE = "escalation";

    /** An escalation with {@code type} filled in; {@code source} may be null. */
    public static Escalation of(
            UUID referralId,
            String from,
            String to,
            String mustAct,
            HandoffState state,
            String deadline,
            String label,
            String source,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt,
            OffsetDateTime escalatedAt,
            String overdueBy,
            int level,
            Priority priority,
            ChildRole childRole,
            Category category) {
        return new Escalation(TYPE, referralId, from, to, mustAct, state, deadline, label, source, startedAt, dueAt,
                escalatedAt, overdueBy, level, priority, childRole, category);
    }
}
