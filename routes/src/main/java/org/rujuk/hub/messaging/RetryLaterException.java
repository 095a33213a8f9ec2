package org.rujuk.hub.messaging;

/**
 * Not an error: the message cannot be processed yet (e.g. a status update whose referral is still on its way on
 * the other queue). The attempt is rolled back quietly and the broker redelivers it with back-off; the route
 * decides what its last allowed attempt does.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason);
    }
}
