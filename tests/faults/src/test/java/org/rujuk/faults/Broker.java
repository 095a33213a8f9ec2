package org.rujuk.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * The official Artemis distribution as its own process: a fresh instance per fault, configured only with the
 * shipped {@code broker.properties} (plus what a fault changes, appended), Rujuk's broker plugin in its
 * {@code lib/}. Killed with SIGKILL, frozen with SIGSTOP, restarted on the same journal.
 */
final class Broker {

    /** The broker's own log ids for messages it drops without telling the sender (the list). */
    static final List<String> SILENT_DROP_IDS = List.of("AMQ222146", "AMQ222148", "AMQ222150", "AMQ222289",
            "AMQ222059");

    /** The broker's own administrator, created with the instance; the hub provisions the broker with it. */
    static final String ADMIN_USER = "artemis";
    static final String ADMIN_PASSWORD = "artemis-" + Secrets.SUITE;
    /** Rujuk's administrator (provisioned by the hub): reads dead letters and manages Rujuk's addresses. */
    static final String RUJUK_ADMIN_USER = "admin";
    static final String RUJUK_ADMIN_PASSWORD = "admin-" + Secrets.SUITE;

    private final Suite suite;
    private final Path instance;
    private final Path log;
    private final int port;
    private final Path properties;
    private ChildProcess process;
    private int starts;

    Broker(Suite suite, Path dir, Template template, Map<String, String> overrides) throws Exception {
        this.suite = suite;
        this.instance = dir.resolve("broker");
        this.log = dir.resolve("broker.log");
        this.port = template.port();
        this.properties = dir.resolve("broker.properties");
        var text = new StringBuilder(Files.readString(suite.brokerProperties()));
        text.append(System.lineSeparator()).append("# fault suite").append(System.lineSeparator());
        overrides.forEach((key, value) -> text.append(key).append('=').append(value).append(System.lineSeparator()));
        Files.writeString(properties, text);
        template.copyTo(instance);
        Files.copy(suite.underTest().resolve("rujuk-artemis-plugin.jar"),
                instance.resolve("lib").resolve("rujuk-artemis-plugin.jar"));
    }

    /**
     * One {@code artemis create} per suite run (it takes a JVM start); each fault gets a copy with an empty
     * journal, its paths rewritten. Faults run one after another, so they share the port.
     */
    record Template(Path instance, int port) {

        static Template create(Suite suite, Path dir) throws Exception {
            int port = TestPorts.free();
            Path instance = dir.resolve("broker-template");
            var create = new ChildProcess("artemis-create", dir.resolve("artemis-create.log"), List.of(
                    "bash", suite.artemisHome().resolve("bin/artemis").toString(), "create",
                    "--silent", "--force", "--host", "127.0.0.1", "--default-port", String.valueOf(port),
                    "--no-web", "--require-login", "--user", ADMIN_USER, "--password", ADMIN_PASSWORD,
                    // The one acceptor speaks every protocol; the per-protocol ones would take fixed ports (5445,
                    // 5672, 1883, 61613) that another broker on the machine, e.g. a parallel build's, may hold.
                    "--no-amqp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                    "--nio", "--no-autotune", "--java-memory", "768M", instance.toString()),
                    suite.javaEnvironment(), dir);
            if (create.waitFor(120) != 0) {
                throw new IllegalStateException("artemis create failed; see " + create.log);
            }
            return new Template(instance, port);
        }

        void copyTo(Path target) throws IOException {
            String from = instance.toAbsolutePath().toString();
            String to = target.toAbsolutePath().toString();
            try (var paths = Files.walk(instance)) {
                for (Path source : paths.toList()) {
                    Path copy = target.resolve(instance.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else if (source.getParent().getFileName().toString().matches("bin|etc")) {
                        Files.writeString(copy, Files.readString(source, StandardCharsets.ISO_8859_1).replace(from, to),
                                StandardCharsets.ISO_8859_1);
                        copy.toFile().setExecutable(source.toFile().canExecute());
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() {
        int logLinesBefore = countInLog("AMQ221007");
        process = new ChildProcess("broker", log, List.of(
                "bash", instance.resolve("bin/artemis").toString(), "run",
                "--properties", properties.toAbsolutePath().toString()), suite.javaEnvironment(), instance);
        starts++;
        Waits.until("broker started", 120, () -> {
            process.assertAlive();
            return countInLog("AMQ221007") > logLinesBefore;
        });
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void freeze() throws IOException, InterruptedException {
        process.freeze();
    }

    void thaw() throws IOException, InterruptedException {
        process.thaw();
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    int starts() {
        return starts;
    }

    /** How often each silent-drop id appears in the broker's log over all its runs. */
    Map<String, Integer> silentDrops() {
        var counts = new LinkedHashMap<String, Integer>();
        for (String id : SILENT_DROP_IDS) {
            counts.put(id, countInLog(id));
        }
        return counts;
    }

    int countInLog(String text) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(Files.readString(log,
                    StandardCharsets.ISO_8859_1));
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A management operation on the broker, as the broker's own administrator (as the hub provisions), over CORE. */
    Object manage(String resource, String operation, Object... arguments) throws Exception {
        try (var locator = ActiveMQClient.createServerLocator(url());
                var factory = locator.createSessionFactory();
                var session = factory.createSession(ADMIN_USER, ADMIN_PASSWORD, false, true, true, false, 1)) {
            session.start();
            var request = session.createMessage(false);
            ManagementHelper.putOperationInvocation(request, resource, operation, arguments);
            try (var requestor = new ClientRequestor(session, "activemq.management")) {
                var reply = requestor.request(request, 30_000);
                if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
                    throw new IllegalStateException("management " + operation + " failed: "
                            + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
                }
                return ManagementHelper.getResult(reply);
            }
        }
    }
}
