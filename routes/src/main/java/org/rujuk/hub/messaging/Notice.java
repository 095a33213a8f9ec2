package org.rujuk.hub.messaging;

import java.util.UUID;

/**
 * One message the hub sends: to which address, what it is ({@code rujukType}), about which referral, with which
 * stable duplicate id (so a re-send after a crash is absorbed by the broker), and the JSON body.
 *
 * @param destination {@code queue:<address>} (anycast) or {@code topic:<address>} (multicast)
 */
public record Notice(String destination, String type, UUID referralId, String duplicateId, String body) {

    public static String queue(String address) {
        return "queue:" + address;
    }

    public static String topic(String address) {
        return "topic:" + address;
    }

    @Override
    public String toString() {
        return "Notice[" + type + " for " + referralId + " to " + destination + ", " + duplicateId + "]";
    }
}
