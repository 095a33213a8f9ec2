package org.rujuk.hub.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;
import org.rujuk.hub.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test but a benchmark (tag {@code benchmark}, run by {@code tests/bench/run}): fills a real PostgreSQL ledger
 * with 1 000 000 hand-offs of which 10 000 are late, then times the watchdog's scan and the stuck list, the very
 * queries the hub runs. Prints the figures and writes them to {@code routes/target/bench/deadline-queries.txt}.
 */
@Tag("benchmark")
class DeadlineQueriesBenchmark {

    private static final int HANDOFFS = Integer.getInteger("bench.handoffs", 1_000_000);
    private static final int LATE_EVERY = 100;
    private static final int REPEATS = 20;
    private static final String RANDOM_PAGE_COST = System.getProperty("bench.random-page-cost", "1.1");

    @Test
    void watchdogScanAndStuckListOnAMillionHandoffs() throws IOException {
        // A connection pool, as the hub has.
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestPostgres.jdbcUrl("bench_deadlines"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        var flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
        flyway.clean();
        flyway.migrate();
        var jdbc = JdbcClient.create(dataSource);
        // As docker-compose.yml runs PostgreSQL: random_page_cost for SSDs (the default, 4, assumes spinning disks
        // and makes the planner prefer scanning the whole ledger over a few thousand index lookups).
        jdbc.sql("alter database bench_deadlines set random_page_cost = " + RANDOM_PAGE_COST).update();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        long fillStarted = System.nanoTime();
        fill(jdbc);
        double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;

        var clocks = new ClockLedger(jdbc);
        var stuck = new StuckHandoffs(jdbc);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int late = HANDOFFS / LATE_EVERY;

        var batch = time(() -> transactions.execute(tx -> {
            int found = clocks.lockDue(now, 200).size();
            tx.setRollbackOnly();
            return found;
        }));
        var allDue = time(() -> transactions.execute(tx -> {
            int found = clocks.lockDue(now, late).size();
            tx.setRollbackOnly();
            return found;
        }));
        var stuckPage = time(() -> stuck.list(StuckHandoffs.Filter.all(1000)).size());
        var stuckAll = time(() -> stuck.list(StuckHandoffs.Filter.all(late)).size());
        var stuckFiltered = time(() ->
                stuck.list(new StuckHandoffs.Filter("social", "urgent", null, "receive", null, 0, 1000)).size());

        var report = String.join(System.lineSeparator(),
                "Rujuk deadline queries on PostgreSQL " + version(jdbc) + " (zonky, random_page_cost "
                        + RANDOM_PAGE_COST + "), " + Runtime.getRuntime().availableProcessors() + " cores",
                String.format("ledger: %,d hand-offs, %,d late (filled in %.1f s)", HANDOFFS, late, fillSeconds),
                row("watchdog batch (lock 200 due clocks)", batch),
                row("watchdog scan (lock all " + late + " due clocks)", allDue),
                row("stuck list, first page (1000 rows, the API default)", stuckPage),
                row("stuck list, agency + priority + deadline", stuckFiltered),
                row("stuck list, all " + late + " rows in one page", stuckAll));
        System.out.println(report);
        Path out = Path.of("target", "bench", "deadline-queries.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }

    private static void fill(JdbcClient jdbc) {
        jdbc.sql("""
                insert into handoff (referral_id, case_ref, from_agency, to_agency, priority, child_role, category,
                    services, district, age_years, state, sent_at, submitted_at, state_changed_at, intake_message_key)
                select md5(i::text)::uuid, 'BENCH/' || i,
                    (array['police','social','health','education'])[1 + (i / 100) % 4],
                    (array['social','health','education','police'])[1 + (i / 100) % 4],
                    (array['routine','urgent','emergency'])[1 + (i / 100) % 3],
                    (array['victim','witness','in_conflict_with_law'])[1 + (i / 100) % 3],
                    'neglect', 'assessment',
                    (array['Metro Pusat','Metro Utara','Metro Barat','Metro Timur','Metro Selatan'])[1 + i % 5],
                    10, 'submitted', now() - interval '2 days', now() - interval '2 days', now() - interval '2 days',
                    'bench:' || i
                from generate_series(1, :n) i""").param("n", HANDOFFS).update();
        // Every hand-off has a running receive clock; one in a hundred is late: escalated at level 1 (stuck) and
        // due for level 2; the others fall due in the future.
        jdbc.sql("""
                insert into handoff_clock (referral_id, clock_id, must_act, started_at, due_at, level2_at, level,
                    next_escalation_at, stuck_since)
                select md5(i::text)::uuid, 'receive',
                    (array['social','health','education','police'])[1 + (i / 100) % 4],
                    started, started + interval '4 hours', started + interval '8 hours',
                    case when i % :late = 0 then 1 else 0 end,
                    case when i % :late = 0 then started + interval '8 hours' else now() + interval '1 day' end,
                    case when i % :late = 0 then started + interval '4 hours' end
                from (select i, now() - case when i % :late = 0 then interval '9 hours' else interval '1 hour' end
                      as started from generate_series(1, :n) i) s""")
                .param("n", HANDOFFS).param("late", LATE_EVERY).update();
        jdbc.sql("analyze").update();
    }

    /** Median and worst of the runs, in milliseconds, after one warm-up run. */
    private static double[] time(Supplier<Integer> query) {
        query.get();
        var millis = new ArrayList<Double>();
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        return new double[] {millis.get(millis.size() / 2), millis.get(millis.size() - 1)};
    }

    private static String row(String what, double[] millis) {
        return String.format("%-52s median %7.1f ms   worst %7.1f ms", what, millis[0], millis[1]);
    }

    private static String version(JdbcClient jdbc) {
        return jdbc.sql("show server_version").query(String.class).single();
    }
}
