package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hub tells the sender of a referral that it accepted and routed it ({@code receipt} schema).
 *
 * <p>{@link #toString()} leaves out the sender's case number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(String type, UUID referralId, String caseRef, String to, OffsetDateTime receivedAt) {

    /** The value of {@code type} on every receipt. */
    public static final String TYPE = "receipt";

    /** A receipt with {@code type} filled in. */
    public static Receipt of(UUID referralId, String caseRef, String to, OffsetDateTime receivedAt) {
        return new Receipt(TYPE, referralId, caseRef, to, receivedAt);
    }

    @Override
    public String toString() {
        return "Receipt[referralId=" + referralId + ", caseRef=[redacted], to=" + to + ", receivedAt=" + receivedAt + "]";
    }
}
