package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A referral of one child from agency {@code from} to agency {@code to}, as the sender wrote it
 * ({@code referral} schema). {@code referralId} is the sender's idempotency key.
 *
 * <p>{@link #toString()} prints ids, codes and classifications only — never the child, the summary or
 * the sender's case number — so a record that reaches a log identifies no one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Referral(
        String type,
        UUID referralId,
        String caseRef,
        String from,
        String to,
        OffsetDateTime sentAt,
        Priority priority,
        ChildRole childRole,
        Category category,
        List<Service> servicesRequested,
        Child child,
        String summary,
        Consent consent,
        Legal legal) {

    /** The value of {@code type} on every referral. */
    public static final String TYPE = "referral";

    public Referral {
        servicesRequested = servicesRequested == null ? null : List.copyOf(servicesRequested);
    }

    /** A referral with {@code type} filled in; {@code legal} may be null unless the child is in conflict with the law. */
    public static Referral of(
            UUID referralId,
            String caseRef,
            String from,
            String to,
            OffsetDateTime sentAt,
            Priority priority,
            ChildRole childRole,
            Category category,
            List<Service> servicesRequested,
            Child child,
            String summary,
            Consent consent,
            Legal legal) {
        return new Referral(TYPE, referralId, caseRef, from, to, sentAt, priority, childRole, category,
                servicesRequested, child, summary, consent, legal);
    }

    @Override
    public String toString() {
        return "Referral[referralId=" + referralId
                + ", from=" + from
                + ", to=" + to
                + ", sentAt=" + sentAt
                + ", priority=" + priority
                + ", childRole=" + childRole
                + ", category=" + category
                + ", servicesRequested=" + servicesRequested
                + ", caseRef=[redacted], child=[redacted], summary=[redacted]"
                + ", consent=" + consent
                + ", legal=" + legal + "]";
    }
}
