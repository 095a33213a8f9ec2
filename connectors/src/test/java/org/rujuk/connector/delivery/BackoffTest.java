package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(8));

    @Test
    void doublesAfterEachFailedAttemptUpToTheMaximum() {
        assertThat(backoff.after(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(3, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(30, null)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void honoursRetryAfterUpToTheMaximum() {
        assertThat(backoff.after(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.after(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(4, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
    }
}
