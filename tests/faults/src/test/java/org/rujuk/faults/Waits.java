package org.rujuk.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/** Waiting on conditions, never on the clock alone. */
final class Waits {

    private Waits() {
    }

    static void until(String what, long seconds, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(500))
                .pollInSameThread().until(condition);
    }
}
