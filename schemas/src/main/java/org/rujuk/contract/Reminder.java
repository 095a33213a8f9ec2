package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hub reminds the agency in {@code mustAct} that a hand-off is stuck ({@code reminder} schema), on its
 * inbox, and sends the other party of the referral a copy ({@code copy = true}). Sent with each
 * {@link Escalation}; {@code from} and {@code to} are the referral's parties, not this message's sender and
 * recipient.
 *
 * <p>It carries nothing about the child, and {@code label} and {@code source} come from the hub's
 * configuration, so {@link #toString()} is the record's own.
 *
 * @param source the clock's legal source; null when the clock names none
 * @param copy false on the reminder to {@code mustAct}, true on the copy to the other party
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reminder(
        String type,
        UUID referralId,
        String from,
        String to,
        String mustAct,
        HandoffState state,
        String deadline,
        String label,
        String source,
        OffsetDateTime dueAt,
        OffsetDateTime escalatedAt,
        int level,
        boolean copy) {

    /** The value of {@code type} on every reminder. */
    public static final String TYPE = "reminder";

    /** A reminder with {@code type} filled in; {@code source} may be null. */
    public static Reminder of(
            UUID referralId,
            String from,
            String to,
            String mustAct,
            HandoffState state,
            String deadline,
            String label,
            String source,
            OffsetDateTime dueAt,
            OffsetDateTime escalatedAt,
            int level,
            boolean copy) {
        return new Reminder(TYPE, referralId, from, to, mustAct, state, deadline, label, source, dueAt, escalatedAt,
                level, copy);
    }
}
