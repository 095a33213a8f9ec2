package org.rujuk.connector.config;

import java.util.List;

/**
 * Describes a failure for a log line or a health detail without risking a body in it: the message of an exception
 * is shown only when it comes from code known not to quote message content (Rujuk's own, JMS, I/O); for anything
 * else — a type conversion error, say, may print the value it failed on — the class name alone.
 */
public final class Failures {

    private static final List<String> SAFE_MESSAGES = List.of("org.rujuk.", "jakarta.jms.", "org.springframework.jms.",
            "org.apache.activemq.", "java.io.", "java.nio.", "java.net.");

    private Failures() {
    }

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        String described = one(failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? described : described + " (" + one(root) + ")";
    }

    private static String one(Throwable failure) {
        String name = failure.getClass().getName();
        boolean safe = SAFE_MESSAGES.stream().anyMatch(name::startsWith) && failure.getMessage() != null;
        return failure.getClass().getSimpleName() + (safe ? ": " + failure.getMessage() : "");
    }
}
