package org.rujuk.hub.messaging;

/**
 * A message the hub must refuse but cannot answer, because the broker account that sent it is not an agency
 * with an inbox. It goes to the dead-letter address with this reason, at once, without retries.
 */
public class UnanswerableMessageException extends RuntimeException {

    public UnanswerableMessageException(String reason) {
        super(reason);
    }
}
