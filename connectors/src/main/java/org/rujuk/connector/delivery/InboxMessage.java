package org.rujuk.connector.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One message from the agency's inbox, as the connector delivers it: the body exactly as the hub sent it, and what
 * the hub said about it in message properties.
 *
 * @param idempotencyKey stable for this message across redeliveries and connector restarts: the hub's duplicate id
 *     ({@code referral:<id>}, {@code status:<id>:<state>}, {@code receipt:<id>}, {@code rejection:<message>}), or
 *     the broker's message id when there is none
 * @param type the contract type ({@code referral}, {@code receipt}, {@code rejection}, {@code status}, ...), or null
 * @param deliveryCount how many times the broker has offered it, this time included
 * @param sentAt when the hub sent it (the JMS timestamp), or null
 */
record InboxMessage(String messageId, String idempotencyKey, String type, UUID referralId, byte[] body,
        int deliveryCount, Instant sentAt) {

    public static final String PROPERTY = "rujukInboxMessage";

    public boolean isReferral() {
        return "referral".equals(type) && referralId != null;
    }

    /** Ids only: the body may hold a child's data. */
    @Override
    public String toString() {
        return "InboxMessage[" + idempotencyKey + ", type=" + type + ", referralId=" + referralId
                + ", deliveryCount=" + deliveryCount + "]";
    }
}
