package org.rujuk.faults;

import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One fault's topology, all on this machine: a fresh broker instance, a fresh database on the suite's PostgreSQL,
 * the hub, one consumer process per agency, and load generators; every process writes under the fault's folder.
 */
final class Lab implements AutoCloseable {

    private static final Pattern REFERRAL_ID = Pattern.compile("\"referralId\"\\s*:\\s*\"([^\"]+)\"");

    final String name;
    final Path dir;
    final Broker broker;
    final Postgres postgres;
    private final Suite suite;
    private final Map<String, String> environment;
    private final List<String> hubArguments;
    private final String database;
    private Hub hub;
    private final List<ChildProcess> consumers = new ArrayList<>();
    private final List<Path> sentRecords = new ArrayList<>();
    private final Map<String, Path> agencyRecords = new LinkedHashMap<>();
    private int generators;

    /** Opens the lab of one fault run, on the suite's PostgreSQL. */
    record Factory(Suite suite, Postgres postgres, Broker.Template broker) {
        Lab open(String fault, boolean protectedRun, Options options) throws Exception {
            return new Lab(suite, postgres, broker, fault + (protectedRun ? "" : "-control"), options);
        }
    }

    /** What a fault changes about the lab: broker settings appended to broker.properties, hub arguments. */
    record Options(Map<String, String> brokerOverrides, List<String> hubArguments) {
        static Options standard() {
            return new Options(Map.of(), List.of());
        }
    }

    Lab(Suite suite, Postgres postgres, Broker.Template template, String name, Options options) throws Exception {
        this.suite = suite;
        this.postgres = postgres;
        this.name = name;
        this.dir = Files.createDirectories(suite.workDir().resolve(name));
        this.broker = new Broker(suite, dir, template, options.brokerOverrides());
        this.hubArguments = options.hubArguments();
        this.database = postgres.newDatabase(name);
        this.environment = hubEnvironment(database);
    }

    private Map<String, String> hubEnvironment(String db) {
        var env = suite.javaEnvironment();
        env.put("RUJUK_BROKER_URL", broker.url());
        // Everything runs on loopback; TLS is tested elsewhere (BrokerTlsTest) and would only slow the load here.
        env.put("RUJUK_ALLOW_INSECURE_TRANSPORT", "true");
        env.put("RUJUK_BROKER_ADMIN_USER", Broker.ADMIN_USER);
        env.put("RUJUK_BROKER_ADMIN_PASSWORD", Broker.ADMIN_PASSWORD);
        env.put("RUJUK_DB_URL", postgres.jdbcUrl(db));
        env.put("RUJUK_DB_USER", "postgres");
        env.put("RUJUK_DB_PASSWORD", "not-used-by-trust-auth");
        env.put("RUJUK_HUB_PASSWORD", "hub-" + Secrets.SUITE);
        env.put("RUJUK_COORDINATOR_PASSWORD", "coordinator-" + Secrets.SUITE);
        env.put("RUJUK_ADMIN_PASSWORD", Broker.RUJUK_ADMIN_PASSWORD);
        for (String code : Agencies.CODES) {
            env.put(Agencies.passwordVariable(code), code + "-" + Secrets.SUITE);
        }
        return env;
    }

    /** Broker, hub (healthy, so the broker is provisioned), agencies. */
    void start() throws Exception {
        broker.start();
        hub = new Hub(suite, dir, environment, hubArguments);
        hub.start();
        hub.awaitHealthy();
        for (String code : Agencies.CODES) {
            Path record = dir.resolve("received-" + code + ".tsv");
            agencyRecords.put(code, record);
            var command = suite.java("96m");
            command.addAll(List.of(AgencyConsumer.class.getName(), broker.url(), code, record.toString()));
            consumers.add(new ChildProcess("agency-" + code, dir.resolve("agency-" + code + ".log"), command,
                    environment, dir));
        }
    }

    Hub hub() {
        return hub;
    }

    /** Replaces the hub by one on an empty database: what a hub whose ledger was lost would do. */
    void replaceHubWithOneOnAnEmptyLedger() throws Exception {
        hub.stop();
        hub = new Hub(suite, dir, hubEnvironment(postgres.newDatabase(name + "_empty")), hubArguments);
        hub.start();
        hub.awaitHealthy();
    }

    /** Starts a load generator (see {@link LoadGenerator} for the arguments). */
    ChildProcess generate(String run, int first, int count, int perSecond, int poisonEvery, String mode) {
        Path record = dir.resolve("sent-" + (++generators) + ".tsv");
        sentRecords.add(record);
        var command = suite.java("128m");
        command.addAll(List.of(LoadGenerator.class.getName(), broker.url(), run, String.valueOf(first),
                String.valueOf(count), String.valueOf(perSecond), String.valueOf(poisonEvery), mode,
                record.toString()));
        return new ChildProcess("generator-" + generators, dir.resolve("generator-" + generators + ".log"), command,
                environment, dir);
    }

    Checker checker() throws IOException {
        return Checker.read(sentRecords, agencyRecords);
    }

    /** How many messages the agencies have recorded so far: the load's progress. */
    long received() throws IOException {
        long lines = 0;
        for (Path record : agencyRecords.values()) {
            if (Files.exists(record)) {
                try (var in = Files.newInputStream(record)) {
                    byte[] buffer = new byte[65536];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
            }
        }
        return lines;
    }

    /** Waits until the agencies have received {@code target} messages; false if nothing moved for a while. */
    boolean awaitReceived(long target, int quietSeconds) {
        long[] last = {-1, System.nanoTime()};
        boolean[] reached = {false};
        Waits.until(name + " load reaches " + target + " messages", 3_600, () -> {
            long now = received();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            reached[0] = now >= target;
            return reached[0] || System.nanoTime() - last[1] > quietSeconds * 1_000_000_000L;
        });
        return reached[0];
    }

    /**
     * Waits until every generator has finished and every accepted referral has all its messages and every poison
     * message is dead-lettered, or until nothing has moved for {@code quietSeconds} (then the checker says what
     * is missing).
     */
    void settle(List<ChildProcess> running, int quietSeconds, int maxSeconds) {
        long[] last = {-1, System.nanoTime()};
        Waits.until(name + " settled", maxSeconds, () -> {
            for (var generator : running) {
                if (generator.alive()) {
                    last[1] = System.nanoTime();
                    return false;
                }
            }
            var checker = checker();
            long dead = checker.poisonAccepted() == 0 ? 0 : deadLetterCountOrMinusOne();
            long progress = received() * 1_000_003L + dead;
            if (progress != last[0]) {
                last[0] = progress;
                last[1] = System.nanoTime();
            }
            boolean complete = checker.missingMessages() == 0 && dead >= checker.poisonAccepted();
            return complete || System.nanoTime() - last[1] > quietSeconds * 1_000_000_000L;
        });
    }

    private long deadLetterCountOrMinusOne() {
        try {
            return deadLetters().size();
        } catch (Exception e) {
            return -1; // the broker is restarting
        }
    }

    /** The dead letters, browsed as Rujuk's administrator: referral id, reason, original address. */
    List<Checker.DeadLetter> deadLetters() throws Exception {
        var letters = new ArrayList<Checker.DeadLetter>();
        var factory = new ActiveMQConnectionFactory(broker.url());
        try (var connection = factory.createConnection(Broker.RUJUK_ADMIN_USER, Broker.RUJUK_ADMIN_PASSWORD)) {
            connection.start();
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var browser = session.createBrowser(session.createQueue(Agencies.DEAD));
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                var message = (jakarta.jms.Message) e.nextElement();
                String body = message instanceof TextMessage text ? text.getText() : "";
                var matcher = REFERRAL_ID.matcher(body == null ? "" : body);
                letters.add(new Checker.DeadLetter(matcher.find() ? matcher.group(1) : "(no referral id)",
                        message.getStringProperty("rujukDeadReason"),
                        message.getStringProperty("rujukOriginalAddress")));
            }
        }
        return Collections.unmodifiableList(letters);
    }

    Checker.Figures check(long maxLatencyMillis, boolean expectRefusals) throws Exception {
        return checker().figures(deadLetters(), broker.silentDrops(), maxLatencyMillis, expectRefusals);
    }

    @Override
    public void close() {
        consumers.forEach(ChildProcess::stop);
        if (hub != null) {
            hub.stop();
        }
        broker.stop();
    }
}
