package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An agency reports the state of a referral ({@code status} schema, sent to {@code rujuk.status.in}).
 * {@code reason} is required for {@code declined} and {@code withdrawn}; {@code note} is optional.
 *
 * <p>{@link #toString()} leaves out {@code reason} and {@code note}: they are free text and may mention
 * the child.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusUpdate(
        String type, UUID referralId, String from, HandoffState status, OffsetDateTime at, String reason, String note) {

    /** The value of {@code type} on every status update. */
    public static final String TYPE = "status";

    /** An update with {@code type} filled in; {@code reason} and {@code note} may be null. */
    public static StatusUpdate of(
            UUID referralId, String from, HandoffState status, OffsetDateTime at, String reason, String note) {
        return new StatusUpdate(TYPE, referralId, from, status, at, reason, note);
    }

    @Override
    public String toString() {
        return "StatusUpdate[referralId=" + referralId + ", from=" + from + ", status=" + status + ", at=" + at
                + ", reason=" + (reason == null ? null : "[redacted]")
                + ", note=" + (note == null ? null : "[redacted]") + "]";
    }
}
