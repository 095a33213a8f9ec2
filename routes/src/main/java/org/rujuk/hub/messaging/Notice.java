package org.rujuk.hub.messaging;

import java.util.UUID;

/**
 * One message the hub sends: to which address, what it is ({@code rujukType}), about which referral, with which
 * stable duplicate id (so a re-send after a crash is absorbed by the broker), and the JSON body.
 */
public record Notice(String destination, String type, UUID referralId, String duplicateId, String body) {

    @Override
    public String toString() {
        return "Notice[" + type + " for " + referralId + " to " + destination + ", " + duplicateId + "]";
    }
}
