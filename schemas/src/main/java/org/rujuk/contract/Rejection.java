package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The hub tells the sender of a refused message what to fix ({@code rejection} schema). {@code referralId}
 * and {@code rejectedType} are null when they could not be read from the refused message.
 *
 * <p>{@link #toString()} prints the number of errors, not the errors: their pointers are built from the
 * refused message's field names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
        String type,
        String messageId,
        UUID referralId,
        String rejectedType,
        List<RejectionError> errors,
        OffsetDateTime rejectedAt) {

    /** The value of {@code type} on every rejection. */
    public static final String TYPE = "rejection";

    public Rejection {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** A rejection with {@code type} filled in. */
    public static Rejection of(
            String messageId, UUID referralId, String rejectedType, List<RejectionError> errors, OffsetDateTime rejectedAt) {
        return new Rejection(TYPE, messageId, referralId, rejectedType, errors, rejectedAt);
    }

    /**
     * The rejection of a message that {@link ContractValidator#inspect} found invalid: its errors, and its
     * {@code referralId} and {@code type} as far as they could be read.
     *
     * @throws IllegalArgumentException if the inspection found no error
     */
    public static Rejection of(String messageId, Inspection inspection, OffsetDateTime rejectedAt) {
        if (inspection.valid()) {
            throw new IllegalArgumentException("a valid message is not rejected for its content");
        }
        return of(messageId, inspection.referralId(), inspection.type(), inspection.errors(), rejectedAt);
    }

    @Override
    public String toString() {
        return "Rejection[messageId=" + messageId + ", referralId=" + referralId + ", rejectedType=" + rejectedType
                + ", errors=" + (errors == null ? null : errors.size()) + ", rejectedAt=" + rejectedAt + "]";
    }
}
