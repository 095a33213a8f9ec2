package org.rujuk.connector.delivery;

import java.time.Duration;
import org.rujuk.connector.config.ConnectorProperties;

/**
 * The pause before the next webhook attempt: {@code initialBackoff}, then {@code backoffMultiplier} times longer
 * each time, never more than {@code maxBackoff}. A {@code Retry-After} the agency system sent is honoured up to
 * {@code maxBackoff}.
 */
record Backoff(Duration initial, double multiplier, Duration max) {

    static Backoff of(ConnectorProperties.Webhook webhook) {
        return new Backoff(webhook.initialBackoff(), webhook.backoffMultiplier(), webhook.maxBackoff());
    }

    /**
     * @param failedAttempt the attempt that just failed, from 1
     * @param retryAfter what the agency system asked for, or null
     */
    Duration after(int failedAttempt, Duration retryAfter) {
        double millis = initial.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        long delay = (long) Math.min(millis, max.toMillis());
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(delay);
    }
}
