package org.rujuk.hub;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test but a benchmark (tag {@code benchmark}): {@code bench.referrals} referrals (default 500) through the
 * embedded broker and a real PostgreSQL, each then taken through its whole status loop (received, accepted,
 * in_progress, completed). Prints the referrals and the status updates recorded per second and writes them to
 * {@code routes/target/bench/intake-throughput.txt}. Used to see what the audit chain costs the intake.
 */
@Tag("benchmark")
class IntakeThroughputBenchmark extends HubIntegrationTest {

    private static final int REFERRALS = Integer.getInteger("bench.referrals", 500);

    @Autowired
    JdbcClient jdbc;

    @Test
    void referralsAndStatusLoops() throws Exception {
        var referrals = new ArrayList<ObjectNode>();
        for (int i = 0; i < REFERRALS; i++) {
            referrals.add(referral("police", "social"));
        }
        long before = count("select count(*) from handoff");
        long started = System.nanoTime();
        try (var police = agency("police")) {
            for (var referral : referrals) {
                police.sendText(referralsIn(), referral.toString());
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from handoff") - before == REFERRALS);
        double intakeSeconds = (System.nanoTime() - started) / 1e9;

        long completedBefore = count("select count(*) from handoff where state = 'completed'");
        started = System.nanoTime();
        try (var social = agency("social")) {
            for (String state : List.of("received", "accepted", "in_progress", "completed")) {
                for (var referral : referrals) {
                    social.sendText(statusIn(), status(referral, "social", state).toString());
                }
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from handoff where state = 'completed'") - completedBefore
                        == REFERRALS);
        double statusSeconds = (System.nanoTime() - started) / 1e9;

        String report = String.format("intake: %d referrals in %.1f s = %.0f referrals/s%n"
                        + "status loop: %d updates in %.1f s = %.0f updates/s%n",
                REFERRALS, intakeSeconds, REFERRALS / intakeSeconds,
                REFERRALS * 4, statusSeconds, REFERRALS * 4 / statusSeconds);
        System.out.print(report);
        write(report);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void write(String report) throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("intake-throughput.txt"), report);
    }
}
