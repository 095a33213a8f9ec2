package org.rujuk.connector.outbound;

import java.util.UUID;
import org.rujuk.contract.MessageType;

/**
 * One message on its way to the hub: which address it goes to ({@code type}), what it is about, its JSON text as
 * the agency wrote it, and an Artemis duplicate id when a re-send of it must be absorbed by the broker (null when
 * the hub's own idempotency is the right guard, see {@code HubSenderRoute}).
 */
public record Outgoing(MessageType type, UUID referralId, String text, String duplicateId) {

    public Outgoing {
        if (type != MessageType.REFERRAL && type != MessageType.STATUS) {
            throw new IllegalArgumentException("an agency sends referrals and status updates only, not " + type);
        }
    }

    public static Outgoing of(CheckedMessage checked, String duplicateId) {
        if (!checked.valid()) {
            throw new IllegalArgumentException("an invalid message is answered, not sent");
        }
        return new Outgoing(checked.type(), checked.referralId(), checked.text(), duplicateId);
    }

    @Override
    public String toString() {
        return "Outgoing[" + type + " for " + referralId + ", " + duplicateId + "]";
    }
}
