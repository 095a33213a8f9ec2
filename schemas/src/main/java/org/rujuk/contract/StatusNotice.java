package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hub tells the other party of a referral that it entered a state ({@code status-notice} schema; its
 * {@code type} is {@code "status"}). One notice per state entered: states implied by a later update are
 * each announced with {@code implied = true}.
 *
 * <p>{@link #toString()} leaves out {@code reason} and {@code note}: they are free text and may mention
 * the child.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusNotice(
        String type,
        UUID referralId,
        String from,
        String to,
        HandoffState status,
        HandoffState previousStatus,
        boolean implied,
        OffsetDateTime at,
        OffsetDateTime recordedAt,
        String reason,
        String note) {

    /** The value of {@code type} on every status notice: the same as on the update it reports. */
    public static final String TYPE = "status";

    /** A notice with {@code type} filled in; {@code reason} and {@code note} may be null. */
    public static StatusNotice of(
            UUID referralId,
            String from,
            String to,
            HandoffState status,
            HandoffState previousStatus,
            boolean implied,
            OffsetDateTime at,
            OffsetDateTime recordedAt,
            String reason,
            String note) {
        return new StatusNotice(TYPE, referralId, from, to, status, previousStatus, implied, at, recordedAt, reason, note);
    }

    @Override
    public String toString() {
        return "StatusNotice[referralId=" + referralId + ", from=" + from + ", to=" + to + ", status=" + status
                + ", previousStatus=" + previousStatus + ", implied=" + implied + ", at=" + at
                + ", recordedAt=" + recordedAt
                + ", reason=" + (reason == null ? null : "[redacted]")
                + ", note=" + (note == null ? null : "[redacted]") + "]";
    }
}
