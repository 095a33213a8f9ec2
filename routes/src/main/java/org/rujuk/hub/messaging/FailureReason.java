package org.rujuk.hub.messaging;

/** How a failure is described in a dead letter and a log line: its kind and message, never the message body. */
public final class FailureReason {

    static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    public static String of(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }
}
