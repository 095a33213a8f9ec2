package org.rujuk.connector.outbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.RejectionError;

/**
 * A message an agency system handed in, after the local contract check: what it is, the referral it is about (when
 * readable), and what is wrong with it — the same list, with the same pointers and words, that the hub would put
 * in a {@code rejection}. The body is kept as sent: a valid one goes to the hub byte for byte.
 *
 * @param type {@link MessageType#REFERRAL} or {@link MessageType#STATUS}; null when the body names neither
 * @param rejectedType the body's {@code type} as read, for the error list; null when unreadable
 */
public record CheckedMessage(MessageType type, UUID referralId, String rejectedType, byte[] body,
        List<RejectionError> errors) {

    public CheckedMessage {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Ids and counts only: the body may hold a child's data. */
    @Override
    public String toString() {
        return "CheckedMessage[type=" + type + ", referralId=" + referralId + ", errors=" + errors.size() + "]";
    }
}
