package org.rujuk.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * The faults, each run twice: once as shipped, where the checker must find nothing lost, duplicated or silently
 * dropped; and once as a negative control, with the one protection that fault tests switched off, where the
 * checker must find the damage (otherwise it proves nothing).
 */
final class Faults {

    /** What a fault run did and what the checker found. */
    record Run(String injected, Checker.Figures figures) {
    }

    /** One fault: its name, what protects against it, what its negative control switches off, how it runs. */
    record Fault(String name, String protection, String control, FaultRun run) {
    }

    @FunctionalInterface
    interface FaultRun {
        Run run(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception;
    }

    /** Good referrals must arrive within this, even with poison among them (the bound). */
    static final long MAX_DELAY_MILLIS = 120_000;
    private static final int QUIET_SECONDS = 90;
    private static final int CONTROL_QUIET_SECONDS = 30;
    private static final int SETTLE_SECONDS = 3_600;
    /** The broker's duplicate-id cache in the re-send fault, so that overflowing it takes minutes, not hours. */
    private static final int SMALL_ID_CACHE = 200;
    private static final int OVERFLOW_REFERRALS = 300;
    private static final List<String> NOT_TRANSACTED = List.of("--camel.component.jms.transacted=false");

    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "fault-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    private Faults() {
    }

    static List<Fault> all() {
        return List.of(
                new Fault("hub-kill", "the hub consumes in a local JMS transaction; ledger first, idempotent",
                        "the hub's JMS consumer not transacted (camel.component.jms.transacted=false)",
                        Faults::hubKill),
                new Fault("broker-kill", "persistent messages, synchronous sends, the broker's journal",
                        "the generator sends non-persistent messages", Faults::brokerKill),
                new Fault("broker-stall", "transactions roll back and are redelivered when a call times out",
                        "the hub's JMS consumer not transacted, and a stall longer than its 30 s call timeout",
                        Faults::brokerStall),
                new Fault("postgres-kill", "a failed ledger write rolls the message back for redelivery",
                        "the hub's JMS consumer not transacted, and the database away for 40 s (longer than the "
                                + "connection pool's 30 s wait)", Faults::postgresKill),
                new Fault("poison", "bounded attempts, then rujuk.dead with the reason; redelivery back-off",
                        "unbounded attempts (rujuk.delivery.max-attempts=1000)", Faults::poison),
                new Fault("resend", "the ledger absorbs a re-sent referral, however late",
                        "the hub restarted on an empty ledger before the last re-send", Faults::resend),
                new Fault("address-full", "senders wait for the broker's answer and are told when it refuses",
                        "the generator sends without waiting for the broker (fire-and-forget)",
                        Faults::addressFull));
    }

    // ---- the faults

    private static Run hubKill(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("hub-kill", protectedRun,
                new Lab.Options(Map.of(), protectedRun ? List.of() : NOT_TRANSACTED))) {
            lab.start();
            int referrals = protectedRun ? profile.referrals() : profile.controlReferrals();
            int kills = protectedRun ? profile.hubKills() : 2;
            var generator = lab.generate("hubkill" + suffix(protectedRun), 0, referrals, profile.perSecond(), 0,
                    "durable");
            int done = atRandomMoments(lab, referrals, kills, () -> {
                lab.hub().kill();
                lab.hub().start(); // at once; it finds its way back by itself
            });
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(done + " hub kills (SIGKILL, restarted at once)", lab.check(Long.MAX_VALUE, false));
        }
    }

    private static Run brokerKill(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("broker-kill", protectedRun, Lab.Options.standard())) {
            lab.start();
            int referrals = protectedRun ? profile.referrals() : profile.controlReferrals();
            int kills = protectedRun ? profile.brokerKills() : 1;
            var generator = lab.generate("brokerkill" + suffix(protectedRun), 0, referrals, profile.perSecond(), 0,
                    protectedRun ? "durable" : "non-persistent");
            var pauses = new ArrayList<Long>();
            int done = atRandomMoments(lab, referrals, kills, () -> {
                lab.broker.kill();
                long pause = ThreadLocalRandom.current().nextLong(0, 10_001);
                pauses.add(pause);
                after(pause, lab.broker::start);
            });
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(done + " broker kills (SIGKILL, restarted after " + seconds(pauses) + ")",
                    lab.check(Long.MAX_VALUE, false));
        }
    }

    private static Run brokerStall(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("broker-stall", protectedRun,
                new Lab.Options(Map.of(), protectedRun ? List.of() : NOT_TRANSACTED))) {
            lab.start();
            List<Integer> stalls = protectedRun ? profile.stallSeconds() : List.of(40);
            int referrals = protectedRun ? profile.referrals() : profile.controlReferrals();
            var generator = lab.generate("stall" + suffix(protectedRun), 0, referrals, profile.perSecond(), 0,
                    "durable");
            var iterator = stalls.iterator();
            int done = atRandomMoments(lab, referrals, stalls.size(), () -> {
                int stall = iterator.next();
                lab.broker.freeze();
                after(stall * 1000L, lab.broker::thaw);
            });
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(done + " broker stalls (SIGSTOP/SIGCONT) of " + stalls.subList(0, done) + " s",
                    lab.check(Long.MAX_VALUE, false));
        }
    }

    private static Run postgresKill(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("postgres-kill", protectedRun,
                new Lab.Options(Map.of(), protectedRun ? List.of() : NOT_TRANSACTED))) {
            lab.start();
            int referrals = protectedRun ? profile.referrals() : profile.controlReferrals();
            int kills = protectedRun ? profile.postgresKills() : 1;
            var generator = lab.generate("pgkill" + suffix(protectedRun), 0, referrals, profile.perSecond(), 0,
                    "durable");
            var pauses = new ArrayList<Long>();
            int done = atRandomMoments(lab, referrals, kills, () -> {
                lab.postgres.kill();
                // Unprotected, a short outage can go unnoticed: the connection pool waits up to 30 s for a connection.
                // The control keeps the database away longer, so every message taken meanwhile meets the failure.
                long pause = protectedRun ? ThreadLocalRandom.current().nextLong(1_000, 5_001) : 40_000;
                pauses.add(pause);
                after(pause, lab.postgres::start);
            });
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(done + " PostgreSQL kills (SIGKILL, restarted after " + seconds(pauses) + ")",
                    lab.check(Long.MAX_VALUE, false));
        }
    }

    private static Run poison(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("poison", protectedRun, new Lab.Options(Map.of(),
                protectedRun ? List.of() : List.of("--rujuk.delivery.max-attempts=1000")))) {
            lab.start();
            int referrals = protectedRun ? profile.referrals() : profile.controlReferrals();
            int poisonEvery = Math.max(2, referrals / (protectedRun ? profile.poison() : 3));
            var generator = lab.generate("poison" + suffix(protectedRun), 0, referrals, profile.perSecond(),
                    poisonEvery, "durable");
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(referrals / poisonEvery + " poison among " + referrals + " referrals",
                    lab.check(MAX_DELAY_MILLIS, false));
        }
    }

    private static Run resend(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("resend", protectedRun,
                new Lab.Options(Map.of("iDCacheSize", String.valueOf(SMALL_ID_CACHE)), List.of()))) {
            lab.start();
            int referrals = protectedRun ? profile.resends() : profile.controlReferrals();
            String run = "resend" + suffix(protectedRun);
            int quiet = quiet(protectedRun);
            lab.settle(List.of(lab.generate(run, 0, referrals, profile.perSecond(), 0, "durable")), quiet,
                    SETTLE_SECONDS);
            var phases = new ArrayList<String>();
            if (protectedRun) {
                lab.settle(List.of(lab.generate(run, 0, referrals, 1_000, 0, "durable")), quiet, SETTLE_SECONDS);
                phases.add("at once");
                lab.hub().stop();
                lab.hub().start();
                lab.hub().awaitHealthy();
                lab.settle(List.of(lab.generate(run, 0, referrals, 1_000, 0, "durable")), quiet, SETTLE_SECONDS);
                phases.add("after a hub restart");
                lab.broker.kill();
                lab.broker.start();
                lab.hub().awaitHealthy();
                lab.settle(List.of(lab.generate(run, 0, referrals, 1_000, 0, "durable")), quiet, SETTLE_SECONDS);
                phases.add("after a broker kill and restart");
            }
            lab.settle(List.of(lab.generate(run + "-others", 0, OVERFLOW_REFERRALS, profile.perSecond(), 0,
                    "durable")), quiet, SETTLE_SECONDS);
            if (!protectedRun) {
                lab.replaceHubWithOneOnAnEmptyLedger();
            }
            lab.settle(List.of(lab.generate(run, 0, referrals, 1_000, 0, "durable")), quiet, SETTLE_SECONDS);
            phases.add("after " + OVERFLOW_REFERRALS + " other referrals overflowed the broker's duplicate-id cache ("
                    + SMALL_ID_CACHE + " ids per address)");
            return new Run(referrals + " referrals re-sent " + String.join(", ", phases),
                    lab.check(Long.MAX_VALUE, false));
        }
    }

    private static Run addressFull(Lab.Factory labs, Profile profile, boolean protectedRun) throws Exception {
        try (Lab lab = labs.open("address-full", protectedRun, Lab.Options.standard())) {
            lab.start();
            // Nobody consumes while the limit is shrunk to a few hundred messages; the hub's provisioning puts the
            // shipped limit back when it starts again.
            lab.hub().stop();
            lab.broker.manage(ResourceNames.BROKER, "addAddressSettings", Agencies.REFERRALS_IN, """
                    {"addressFullMessagePolicy":"PAGE","maxSizeMessages":100,"pageLimitMessages":200,
                     "pageFullMessagePolicy":"FAIL","deadLetterAddress":"rujuk.dead","expiryAddress":"rujuk.dead",
                     "autoCreateAddresses":false,"autoCreateQueues":false}""");
            int referrals = profile.addressFull();
            var generator = lab.generate("full" + suffix(protectedRun), 0, referrals, 10_000, 0,
                    protectedRun ? "durable" : "fire-and-forget");
            generator.waitFor(600);
            lab.hub().start();
            lab.hub().awaitHealthy();
            lab.settle(List.of(generator), quiet(protectedRun), SETTLE_SECONDS);
            return new Run(referrals + " referrals sent while the address held at most 300",
                    lab.check(Long.MAX_VALUE, true));
        }
    }

    // ---- shared

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /**
     * Injects {@code times} faults at random points of the load, measured in messages the agencies have received (so
     * each lands while the hub has work): points drawn up front between 5 % and 85 % of the messages the load should
     * produce. Answers how many it injected (fewer only if the load stopped moving).
     */
    private static int atRandomMoments(Lab lab, int referrals, int times, Action fault) throws Exception {
        long expected = referrals * 6L;
        long[] points = new long[times];
        for (int i = 0; i < times; i++) {
            points[i] = ThreadLocalRandom.current().nextLong(expected / 20, expected * 17 / 20);
        }
        java.util.Arrays.sort(points);
        int done = 0;
        for (long point : points) {
            if (!lab.awaitReceived(point, CONTROL_QUIET_SECONDS)) {
                break;
            }
            fault.run();
            done++;
        }
        return done;
    }

    /** Runs the action after the pause and returns when it is done (a restart returns once the process is up). */
    private static void after(long millis, Action action) throws Exception {
        LATER.schedule(() -> {
            action.run();
            return null;
        }, millis, TimeUnit.MILLISECONDS).get();
    }

    private static int quiet(boolean protectedRun) {
        return protectedRun ? QUIET_SECONDS : CONTROL_QUIET_SECONDS;
    }

    private static String suffix(boolean protectedRun) {
        return protectedRun ? "" : "-control";
    }

    private static String seconds(List<Long> millis) {
        return millis.stream().map(m -> String.format("%.1f s", m / 1000.0)).toList().toString();
    }
}
