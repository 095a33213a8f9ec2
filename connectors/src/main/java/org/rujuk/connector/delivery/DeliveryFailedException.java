package org.rujuk.connector.delivery;

/**
 * The agency system does not have a message yet. The message says why for a person and never quotes the body or
 * the agency system's answer (either may carry a child's data).
 */
class DeliveryFailedException extends Exception {

    /** Why, as a metrics tag. */
    enum Reason {
        /** Nothing listens at the webhook URL, or the host cannot be reached. */
        UNREACHABLE("unreachable"),
        TIMEOUT("timeout"),
        /** 5xx, 408 or 429: the agency system may take it later. */
        SERVER_ERROR("server_error"),
        /** Any other non-2xx answer: the agency system refuses this message until someone changes something. */
        REFUSED("refused"),
        /** The inbox folder cannot be written. */
        FOLDER("folder"),
        INTERRUPTED("interrupted");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    private final Reason reason;

    DeliveryFailedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
