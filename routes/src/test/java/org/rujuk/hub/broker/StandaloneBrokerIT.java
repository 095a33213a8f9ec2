package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.rujuk.artemis.ValidatedUserPlugin;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.TestPorts;
import org.rujuk.hub.TestPostgres;

/**
 * The production shape, for real: the official Artemis distribution as its own process, configured only with the
 * shipped {@code src/main/artemis/broker.properties}; a real PostgreSQL; and the hub jar as its own process with
 * the {@code prod} profile, which provisions the broker through management on start. Agencies speak AMQP 1.0
 * with a stock client (Qpid JMS). Run by failsafe after {@code package}; logs go to
 * {@code target/standalone-it/} and their tails are printed when something fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path WORK = Path.of(System.getProperty("rujuk.it.work-dir", "target/standalone-it"));
    private static final String ADMIN_USER = "artemis";
    private static final String ADMIN_PASSWORD = secret();
    private static final String REFERRALS_IN = "rujuk.referrals.in";
    private static final String STATUS_IN = "rujuk.status.in";
    private static final List<ChildProcess> CHILDREN = new ArrayList<>();

    private static int brokerPort;
    private static Map<String, String> hubEnvironment;
    private static ChildProcess hub;
    private static int hubPort;

    @RegisterExtension
    static final TestWatcher PRINT_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogTails();
        }
    };

    @BeforeAll
    static void startBrokerDatabaseAndHub() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(StandaloneBrokerIT::stopChildren));
        try {
            deleteRecursively(WORK);
            Files.createDirectories(WORK);
            brokerPort = TestPorts.free();
            startBroker(createBrokerInstance());
            hubEnvironment = hubEnvironment(TestPostgres.jdbcUrl());
            hub = startHub("hub-1");
        } catch (Throwable failure) {
            printLogTails();
            stopChildren();
            throw failure;
        }
    }

    @AfterAll
    static void stopChildren() {
        synchronized (CHILDREN) {
            // Newest first: hubs before the broker they are connected to, or their shutdown waits for it.
            for (int i = CHILDREN.size() - 1; i >= 0; i--) {
                CHILDREN.get(i).stop();
            }
        }
    }

    @Test
    @Order(1)
    void brokerRunsWithEveryShippedSetting() throws Exception {
        try (var management = new Management()) {
            JsonNode status = ContractJson.mapper().readTree((String) management.attribute("Status"));
            JsonNode shipped = status.path("configuration").path("properties").path("broker.properties");
            assertThat(shipped.isMissingNode()).as("broker.properties was not applied: %s", status).isFalse();
            assertThat(shipped.path("errors")).as("settings the broker did not understand").isEmpty();
            assertThat((Object[]) management.attribute("BrokerPluginClassNames"))
                    .contains(ValidatedUserPlugin.class.getName());
            assertThat(management.attribute("SecurityEnabled")).isEqualTo(true);
            assertThat(((Number) management.attribute("IDCacheSize")).longValue()).isEqualTo(100_000);
            assertThat(management.attribute("PersistIDCache")).isEqualTo(true);
            assertThat(management.attribute("JournalType")).isEqualTo("NIO");
            assertThat(((Number) management.attribute("JournalBufferTimeout")).longValue()).isEqualTo(132_000);
        }
    }

    @Test
    @Order(2)
    void referralOverAmqpReachesRecipientVerbatimAndSenderGetsReceipt() throws Exception {
        ObjectNode referral = referral("police", "social");
        String body = referral.toPrettyString();
        try (var police = agency("police"); var social = agency("social")) {
            police.send(REFERRALS_IN, body);

            Message delivered = social.receive(inbox("social"), selectorFor(referral));
            assertThat(delivered).as("referral in social's inbox").isNotNull();
            assertThat(((TextMessage) delivered).getText()).isEqualTo(body);
            assertThat(delivered.getStringProperty("rujukType")).isEqualTo("referral");
            assertThat(delivered.getJMSCorrelationID()).isEqualTo(referralId(referral));

            JsonNode receipt = police.receiveJson(inbox("police"), selectorFor(referral));
            assertThat(receipt.path("type").asText()).isEqualTo("receipt");
            assertThat(receipt.path("referralId").asText()).isEqualTo(referralId(referral));
        }
    }

    @Test
    @Order(3)
    void statusFromRecipientReachesSender() throws Exception {
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.send(REFERRALS_IN, referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral))).isNotNull();
            assertThat(police.receiveJson(inbox("police"), selectorFor(referral)).path("type").asText())
                    .isEqualTo("receipt");

            social.send(STATUS_IN, status(referral, "social", "received").toString());

            JsonNode notice = police.receiveJson(inbox("police"), selectorFor(referral));
            assertThat(notice.path("type").asText()).isEqualTo("status");
            assertThat(notice.path("status").asText()).isEqualTo("received");
            assertThat(notice.path("from").asText()).isEqualTo("social");
        }
    }

    @Test
    @Order(4)
    void spoofedSenderIsRejectedToTheRealSender() throws Exception {
        ObjectNode spoofed = referral("social", "health");
        try (var police = agency("police"); var health = agency("health")) {
            police.send(REFERRALS_IN, spoofed.toString());

            JsonNode rejection = police.receiveJson(inbox("police"), selectorFor(spoofed));
            assertThat(rejection.path("type").asText()).isEqualTo("rejection");
            assertThat(rejection.path("errors").findValuesAsText("pointer")).contains("/from");
            assertThat(health.receive(inbox("health"), selectorFor(spoofed), Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    @Order(5)
    void senderCannotForgeTheBrokersStamp() throws Exception {
        ObjectNode forged = referral("social", "health");
        try (var police = agency("police"); var health = agency("health")) {
            police.send(REFERRALS_IN, forged.toString(), Map.of("_AMQ_VALIDATED_USER", "social"));

            JsonNode rejection = police.receiveJson(inbox("police"), selectorFor(forged));
            assertThat(rejection.path("type").asText()).isEqualTo("rejection");
            assertThat(rejection.path("errors").findValuesAsText("pointer")).contains("/from");
            assertThat(health.receive(inbox("health"), selectorFor(forged), Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    @Order(6)
    void provisionedAddressesDeadLetterAndExpireIntoRujukDeadAndAreNeverAutoCreated() throws Exception {
        try (var management = new Management()) {
            for (String address : List.of(REFERRALS_IN, STATUS_IN, inbox("police"), "rujuk.escalations")) {
                JsonNode settings = ContractJson.mapper().readTree(
                        (String) management.invoke("getAddressSettingsAsJSON", address));
                assertThat(settings.path("deadLetterAddress").asText()).as(address).isEqualTo("rujuk.dead");
                assertThat(settings.path("expiryAddress").asText()).as(address).isEqualTo("rujuk.dead");
                assertThat(settings.path("autoCreateQueues").asBoolean(true)).as(address).isFalse();
                assertThat(settings.path("autoCreateAddresses").asBoolean(true)).as(address).isFalse();
                assertThat(settings.path("pageFullMessagePolicy").asText()).as(address).isEqualTo("FAIL");
            }
        }
    }

    @Test
    @Order(6)
    void provisionedBrokerEnforcesTheContractsPermissions() throws Exception {
        try (var social = agency("social")) {
            assertThatThrownBy(() -> social.receive(inbox("police"), null, Duration.ofMillis(500)))
                    .as("social consumes police's inbox").isInstanceOf(JMSSecurityException.class);
        }
        try (var police = agency("police")) {
            assertThatThrownBy(() -> police.send(inbox("social"), referral("police", "social").toString()))
                    .as("police sends to an inbox").isInstanceOf(JMSSecurityException.class);
        }
        assertThatThrownBy(() -> new AmqpAgency("police", "not-" + password("police")).close())
                .as("log in with a wrong password").isInstanceOf(JMSSecurityException.class);
    }

    @Test
    @Order(7)
    void restartedHubProvisionsIdempotentlyAndKeepsRouting() throws Exception {
        Map<String, Object> before;
        try (var management = new Management()) {
            before = management.provisionedState();
        }

        hub.stop();
        hub = startHub("hub-2");

        try (var management = new Management()) {
            assertThat(management.provisionedState()).isEqualTo(before);
        }
        ObjectNode referral = referral("police", "education");
        try (var police = agency("police"); var education = agency("education")) {
            police.send(REFERRALS_IN, referral.toString());
            assertThat(education.receive(inbox("education"), selectorFor(referral))).isNotNull();
            assertThat(police.receiveJson(inbox("police"), selectorFor(referral)).path("type").asText())
                    .isEqualTo("receipt");
        }
    }

    @Test
    @Order(8)
    void withoutTlsAndWithoutTheInsecureFlagTheProdHubRefusesToStartAndSaysWhy() throws Exception {
        var environment = new LinkedHashMap<>(hubEnvironment);
        environment.remove("RUJUK_ALLOW_INSECURE_TRANSPORT");
        Path dir = Files.createDirectories(WORK.resolve("hub-refused"));
        var refused = new ChildProcess("hub-refused", WORK.resolve("hub-refused.log"), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", hubJar().toAbsolutePath().toString(),
                "--spring.profiles.active=prod", "--server.port=" + TestPorts.free()), environment, dir);
        assertThat(refused.process.waitFor(90, TimeUnit.SECONDS)).as("the hub exited").isTrue();
        assertThat(refused.process.exitValue()).isNotZero();
        assertThat(Files.readString(WORK.resolve("hub-refused.log"), StandardCharsets.UTF_8)).contains(
                "Rujuk will not start: HTTP is not served over TLS (set server.ssl.bundle and a spring.ssl.bundle)"
                        + " and rujuk.broker.url does not say sslEnabled=true");
    }

    @Test
    @Order(9)
    void administratorReplaysAndDiscardsDeadLettersOnTheExternalBroker() throws Exception {
        // What the hub cannot answer: a message its own account sends without a replay's marks.
        ObjectNode unanswerable = referral("police", "social");
        // A dead letter as the hub's dead-letter route writes it, for a referral police sent.
        ObjectNode referral = referral("police", "social");
        String key = "amq:" + (1_000_000_000L + new SecureRandom().nextInt(1_000_000));
        var hubAccount = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + brokerPort, "hub", hubEnvironment.get("RUJUK_HUB_PASSWORD"));
        try (var connection = hubAccount.createConnection()) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (var producer = session.createProducer(session.createQueue(REFERRALS_IN))) {
                producer.send(session.createTextMessage(unanswerable.toString()));
            }
            var dead = session.createTextMessage(referral.toString());
            dead.setStringProperty("rujukType", "dead-letter");
            dead.setStringProperty("rujukMessageKey", key);
            dead.setStringProperty("rujukSender", "police");
            dead.setStringProperty("rujukOriginalAddress", REFERRALS_IN);
            dead.setStringProperty("rujukDeadReason", "database unavailable");
            dead.setStringProperty("rujukDeadAt", java.time.OffsetDateTime.now().toString());
            dead.setIntProperty("rujukDeliveryCount", 6);
            dead.setIntProperty("rujukReplayCount", 0);
            try (var producer = session.createProducer(session.createQueue("rujuk.dead"))) {
                producer.send(dead);
            }
        }
        String admin = hubEnvironment.get("RUJUK_ADMIN_PASSWORD");
        JsonNode listed = await("the unanswerable message dead-lettered").atMost(WAIT)
                .until(() -> api("GET", "/api/v1/dead-letters?referralId=" + referralId(unanswerable), admin, null),
                        page -> page.path("total").asInt() == 1);
        JsonNode hubs = listed.path("items").get(0);
        assertThat(hubs.path("sender").asText()).isEqualTo("hub");
        assertThat(hubs.path("replayable").asBoolean()).isFalse();

        try (var police = agency("police"); var social = agency("social")) {
            JsonNode replayed = api("POST", "/api/v1/dead-letters/" + key + "/replay", admin, null);
            assertThat(replayed.path("outcomes").get(0).path("result").asText()).isEqualTo("REPLAYED");
            assertThat(social.receive(inbox("social"), selectorFor(referral))).as("replayed referral").isNotNull();
            JsonNode receipt = police.receiveJson(inbox("police"), selectorFor(referral));
            assertThat(receipt.path("type").asText()).isEqualTo("receipt");

            // An agency's message claiming to be a replay for another agency is that agency's own, and refused.
            ObjectNode forged = referral("social", "health");
            police.send(REFERRALS_IN, forged.toString(), Map.of("rujukReplaySender", "social",
                    "rujukReplayOf", key, "rujukReplayCount", "1"));
            JsonNode rejection = police.receiveJson(inbox("police"), selectorFor(forged));
            assertThat(rejection.path("errors").findValuesAsText("pointer")).contains("/from");
        }
        JsonNode discarded = api("POST", "/api/v1/dead-letters/" + hubs.path("key").asText() + "/discard", admin,
                "{\"reason\":\"sent by the hub's own account by mistake\"}");
        assertThat(discarded.path("outcomes").get(0).path("result").asText()).isEqualTo("DISCARDED");
        assertThat(api("GET", "/api/v1/dead-letters", admin, null).path("total").asInt()).isZero();
        assertThat(api("GET", "/api/v1/audit/verify", admin, null).path("intact").asBoolean()).isTrue();
    }

    private static JsonNode api(String method, String path, String adminPassword, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hubPort + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    // ---- the broker: the official distribution, a fresh instance, the shipped configuration

    private static Path createBrokerInstance() throws Exception {
        Path home = Path.of(System.getProperty("rujuk.it.artemis-home", "target/artemis/apache-artemis-2.40.0"));
        Path instance = WORK.resolve("broker");
        var create = new ChildProcess("artemis-create", WORK.resolve("artemis-create.log"), List.of(
                "bash", home.resolve("bin/artemis").toString(), "create",
                "--silent", "--force",
                // Loopback only, no web console: nothing but the one acceptor, on a free port.
                "--host", "127.0.0.1", "--default-port", String.valueOf(brokerPort), "--no-web",
                // The one acceptor speaks every protocol; the per-protocol ones would take fixed ports (5672,
                // 61613, 1883, 5445) that another broker on the machine, e.g. a parallel build's, may hold.
                "--no-amqp-acceptor", "--no-stomp-acceptor", "--no-mqtt-acceptor", "--no-hornetq-acceptor",
                "--require-login", "--user", ADMIN_USER, "--password", ADMIN_PASSWORD,
                // The shipped broker.properties sets the journal; skip create's disk benchmark.
                "--nio", "--no-autotune", "--java-memory", "512M",
                instance.toString()), javaEnvironment(), WORK);
        assertThat(create.process.waitFor(60, TimeUnit.SECONDS)).as("artemis create finished").isTrue();
        assertThat(create.process.exitValue()).as("artemis create exit code").isZero();
        return instance;
    }

    private static ChildProcess startBroker(Path instance) throws IOException {
        // Rujuk's broker plugin, as the hub resolved it (see broker.properties): into the instance's lib/.
        Files.copy(pluginJar(), instance.resolve("lib").resolve("rujuk-artemis-plugin.jar"));
        Path shipped = Path.of(System.getProperty("rujuk.it.broker-properties", "src/main/artemis/broker.properties"));
        assertThat(shipped).exists();
        // As docker-compose.yml does: the shipped file is applied on every start with --properties.
        var process = new ChildProcess("broker", WORK.resolve("broker.log"), List.of(
                "bash", instance.resolve("bin/artemis").toString(), "run",
                "--properties", shipped.toAbsolutePath().toString()), javaEnvironment(), instance);
        await("broker active").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> process.logContains("AMQ221007"));
        return process;
    }

    /** The plugin's jar from the test classpath; a directory of classes (an IDE, a reactor build) is jarred. */
    private static Path pluginJar() throws IOException {
        Path location;
        try {
            location = Path.of(ValidatedUserPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path jar = WORK.resolve("rujuk-artemis-plugin.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    // ---- the hub: the jar `package` built, run as production runs it

    private static Path hubJar() {
        Path jar = Path.of(System.getProperty("rujuk.it.hub-jar", "target/rujuk-hub-1.0.0-SNAPSHOT-exec.jar"));
        assertThat(jar).as("the hub jar (run `mvn package` first)").exists();
        return jar;
    }

    private static ChildProcess startHub(String name) throws IOException {
        Path jar = hubJar();
        int port = TestPorts.free();
        hubPort = port;
        Path dir = Files.createDirectories(WORK.resolve(name));
        var process = new ChildProcess(name, WORK.resolve(name + ".log"), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=prod", "--server.port=" + port), hubEnvironment, dir);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        await(name + " healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    process.assertAlive();
                    var response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
                });
        return process;
    }

    /**
     * Every {@code RUJUK_*} variable the prod profile reads: the passwords random and non-demo, the broker and
     * the database those of this test.
     */
    private static Map<String, String> hubEnvironment(String jdbcUrl) {
        var env = javaEnvironment();
        env.keySet().removeIf(key -> key.startsWith("RUJUK_") || key.startsWith("SPRING_"));
        for (String variable : ProdProfile.variables()) {
            if (variable.endsWith("_PASSWORD")) {
                env.put(variable, secret());
            }
        }
        env.put("RUJUK_BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
        env.put("RUJUK_BROKER_ADMIN_USER", ADMIN_USER);
        env.put("RUJUK_BROKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("RUJUK_DB_URL", jdbcUrl);
        env.put("RUJUK_DB_USER", "postgres");
        // Loopback only: this test runs the prod profile without TLS, and says so as an operator would have to.
        env.put("RUJUK_ALLOW_INSECURE_TRANSPORT", "true");
        env.put("RUJUK_SECRETS_DIR", WORK.resolve("no-secrets-here").toAbsolutePath() + "/");
        assertThat(env).as("every variable the prod profile reads").containsKeys(
                ProdProfile.variables().toArray(String[]::new));
        return env;
    }

    private static Map<String, String> javaEnvironment() {
        var env = new LinkedHashMap<>(System.getenv());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    // ---- agencies and messages

    private static AmqpAgency agency(String code) throws JMSException {
        return new AmqpAgency(code, password(code));
    }

    private static String password(String code) {
        return hubEnvironment.get("RUJUK_" + code.toUpperCase() + "_PASSWORD");
    }

    private static String inbox(String code) {
        return "rujuk.agency." + code + ".inbox";
    }

    private static ObjectNode referral(String from, String to) throws IOException {
        try (InputStream in = StandaloneBrokerIT.class.getResourceAsStream("/examples/referral-police-to-social.json")) {
            var referral = (ObjectNode) ContractJson.mapper().readTree(in);
            referral.put("referralId", UUID.randomUUID().toString());
            referral.put("from", from);
            referral.put("to", to);
            return referral;
        }
    }

    private static ObjectNode status(JsonNode referral, String from, String status) {
        var update = ContractJson.mapper().createObjectNode();
        update.put("type", "status");
        update.put("referralId", referralId(referral));
        update.put("from", from);
        update.put("status", status);
        update.put("at", "2026-11-28T10:00:00+07:00");
        return update;
    }

    private static String referralId(JsonNode message) {
        return message.get("referralId").asText();
    }

    private static String selectorFor(JsonNode referral) {
        return "referralId = '" + referralId(referral) + "'";
    }

    /** An agency system on AMQP 1.0 with a stock client and its own broker account. */
    private static final class AmqpAgency implements AutoCloseable {
        private final Connection connection;
        private final Session session;

        AmqpAgency(String user, String password) throws JMSException {
            var factory = new JmsConnectionFactory("amqp://127.0.0.1:" + brokerPort);
            this.connection = factory.createConnection(user, password);
            try {
                connection.start();
                this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            } catch (JMSException e) {
                connection.close();
                throw e;
            }
        }

        void send(String address, String body) throws JMSException {
            send(address, body, Map.of());
        }

        void send(String address, String body, Map<String, String> properties) throws JMSException {
            try (var producer = session.createProducer(session.createQueue(address))) {
                var message = session.createTextMessage(body);
                for (var property : properties.entrySet()) {
                    message.setStringProperty(property.getKey(), property.getValue());
                }
                producer.send(message);
            }
        }

        Message receive(String queue, String selector) throws JMSException {
            return receive(queue, selector, WAIT);
        }

        Message receive(String queue, String selector, Duration timeout) throws JMSException {
            try (var consumer = session.createConsumer(session.createQueue(queue), selector)) {
                return consumer.receive(timeout.toMillis());
            }
        }

        JsonNode receiveJson(String queue, String selector) throws Exception {
            Message message = receive(queue, selector);
            assertThat(message).as("a message on %s", queue).isNotNull();
            return ContractJson.mapper().readTree(((TextMessage) message).getText());
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    /** The broker's management API, as its administrator, over CORE. */
    private static final class Management implements AutoCloseable {
        private final org.apache.activemq.artemis.api.core.client.ServerLocator locator;
        private final org.apache.activemq.artemis.api.core.client.ClientSessionFactory factory;
        private final org.apache.activemq.artemis.api.core.client.ClientSession session;

        Management() throws Exception {
            locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + brokerPort);
            factory = locator.createSessionFactory();
            session = factory.createSession(ADMIN_USER, ADMIN_PASSWORD, false, true, true, false, 1);
            session.start();
        }

        Object attribute(String name) throws Exception {
            var message = session.createMessage(false);
            ManagementHelper.putAttribute(message, ResourceNames.BROKER, name);
            return answer(message, name);
        }

        Object invoke(String operation, Object... arguments) throws Exception {
            var message = session.createMessage(false);
            ManagementHelper.putOperationInvocation(message, ResourceNames.BROKER, operation, arguments);
            return answer(message, operation);
        }

        /** What the hub provisions: accounts with their roles, addresses, permissions on the contract's matches. */
        Map<String, Object> provisionedState() throws Exception {
            var state = new LinkedHashMap<String, Object>();
            state.put("users", ContractJson.mapper().readTree((String) invoke("listUser", "")));
            var addresses = new TreeSet<String>();
            for (Object address : (Object[]) attribute("AddressNames")) {
                // Each management client (this one included) has its own temporary reply address.
                if (!address.toString().startsWith("activemq.management.")) {
                    addresses.add(address.toString());
                }
            }
            state.put("addresses", addresses);
            for (String match : List.of(REFERRALS_IN, STATUS_IN, inbox("police"), "rujuk.escalations")) {
                state.put("roles " + match, ContractJson.mapper().readTree((String) invoke("getRolesAsJSON", match)));
            }
            return state;
        }

        private Object answer(org.apache.activemq.artemis.api.core.client.ClientMessage request, String what)
                throws Exception {
            try (var requestor = new ClientRequestor(session, "activemq.management")) {
                var reply = requestor.request(request, 10_000);
                assertThat(reply).as("management answered %s", what).isNotNull();
                assertThat(ManagementHelper.hasOperationSucceeded(reply))
                        .as("management %s: %s", what, ManagementHelper.getResult(reply)).isTrue();
                return ManagementHelper.getResult(reply);
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            factory.close();
            locator.close();
        }
    }

    // ---- child processes and their logs

    /** A process this test started, its output in a log file; stopped politely, then forcibly. */
    private static final class ChildProcess {
        private final String name;
        private final Path log;
        private final Process process;

        ChildProcess(String name, Path log, List<String> command, Map<String, String> environment, Path directory) {
            this.name = name;
            this.log = log;
            var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            try {
                this.process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name, e);
            }
            synchronized (CHILDREN) {
                CHILDREN.add(this);
            }
        }

        boolean logContains(String text) throws IOException {
            assertAlive();
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        }

        void assertAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
        }

        void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    private static void printLogTails() {
        synchronized (CHILDREN) {
            for (var child : CHILDREN) {
                System.err.printf("%n===== last lines of %s (%s) =====%n%s%n", child.name, child.log, child.tail(60));
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
