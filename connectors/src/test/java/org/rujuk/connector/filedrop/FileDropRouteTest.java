package org.rujuk.connector.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.Connectors;
import org.rujuk.connector.Messages;
import org.rujuk.connector.RujukConnectorApplication;
import org.rujuk.connector.TestHub;
import org.rujuk.contract.ContractJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * File drop against the real hub: Bapas's system has nothing but a folder. Court's side is a plain JMS client
 * reading its inbox, to see exactly what the hub forwarded.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RujukConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=connector", Connectors.NO_DATABASE, "spring.jmx.enabled=false",
            "rujuk.connector.file-drop.poll-delay=100ms", "rujuk.connector.file-drop.settle-time=100ms"})
@DirtiesContext
class FileDropRouteTest {

    private static final String AGENCY = "bapas";
    private static final String RECEIVER = "court";
    private static final Path OUTBOX = tempDir();

    @DynamicPropertySource
    static void bapasWithAnOutbox(DynamicPropertyRegistry registry) {
        Connectors.forHub(AGENCY).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rujuk.connector.password", () -> TestHub.PASSWORD);
        registry.add("rujuk.connector.outbox-dir", OUTBOX::toString);
    }

    @Autowired
    CamelContext camel;

    @Test
    void sendsAGoodFileToTheHubAndMovesItToSent() throws Exception {
        ObjectNode referral = Messages.referral(AGENCY, RECEIVER);
        UUID id = Messages.id(referral);

        drop("good.json", referral.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("sent/good.json")));
        assertThat(OUTBOX.resolve("good.json")).doesNotExist();
        assertThat(TestHub.get().drainInbox(RECEIVER, id)).containsExactly(referral.toString());
    }

    @Test
    void movesABadFileToFailedNextToAnErrorFileSayingWhatToFix() throws Exception {
        ObjectNode noSummary = Messages.referral(AGENCY, RECEIVER);
        noSummary.remove("summary");
        ((ObjectNode) noSummary.get("child")).put("nik", "12345");
        ObjectNode fromAnother = Messages.referral("police", RECEIVER);

        drop("no-summary.json", noSummary.toString());
        drop("not-json.json", "{\"type\": \"referral\", ");
        drop("from-another-agency.json", fromAnother.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("failed/no-summary.json"))
                && Files.exists(OUTBOX.resolve("failed/not-json.json"))
                && Files.exists(OUTBOX.resolve("failed/from-another-agency.json")));
        JsonNode errors = errorFile("no-summary.json");
        assertThat(errors.get("file").asText()).isEqualTo("no-summary.json");
        assertThat(errors.get("referralId").asText()).isEqualTo(Messages.id(noSummary).toString());
        assertThat(pointers(errors)).containsExactlyInAnyOrder("/summary", "/child/nik");
        assertThat(errors.toString()).doesNotContain("12345");
        assertThat(pointers(errorFile("not-json.json"))).containsExactly("");
        assertThat(pointers(errorFile("from-another-agency.json"))).containsExactly("/from");
        // The file itself is kept as it was, for whoever fixes it.
        assertThat(Files.readString(OUTBOX.resolve("failed/not-json.json"))).isEqualTo("{\"type\": \"referral\", ");
        assertThat(TestHub.get().state(Messages.id(noSummary))).isNull();
    }

    @Test
    void forwardsAReferralDroppedTwiceOnlyOnce() throws Exception {
        ObjectNode referral = Messages.referral(AGENCY, RECEIVER);
        UUID id = Messages.id(referral);

        drop("twice.json", referral.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("sent/twice.json")));
        drop("twice.json", referral.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(OUTBOX.resolve("twice.json")));
        drop("twice-again.json", referral.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("sent/twice-again.json")));

        TestHub.get().awaitIdle("rujuk.referrals.in");
        assertThat(TestHub.get().drainInbox(RECEIVER, id)).containsExactly(referral.toString());
    }

    @Test
    void sendsNothingTwiceWhenItFailsBetweenTheSendAndTheMove() throws Exception {
        var failOnce = new AtomicBoolean(true);
        AdviceWith.adviceWith(camel, "file-drop", route -> route.weaveById("send-dropped-file").after()
                .process(exchange -> {
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("injected: the connector dies after sending, before the move");
                    }
                }));
        ObjectNode referral = Messages.referral(AGENCY, RECEIVER);
        UUID id = Messages.id(referral);
        long before = TestHub.get().messagesAdded("rujuk.referrals.in");

        drop("crash.json", referral.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("sent/crash.json")));
        assertThat(failOnce).isFalse();
        // Sent twice by the connector, but the broker let only the first through: same file, same duplicate id.
        assertThat(TestHub.get().messagesAdded("rujuk.referrals.in") - before).isEqualTo(1);
        assertThat(TestHub.get().drainInbox(RECEIVER, id)).containsExactly(referral.toString());
    }

    @Test
    void sendsStatusUpdatesDroppedAsFiles() throws Exception {
        ObjectNode referral = Messages.referral(RECEIVER, AGENCY);
        UUID id = Messages.id(referral);
        TestHub.get().send(RECEIVER, "rujuk.referrals.in", referral.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(TestHub.get().state(id)));

        drop("accepted.json", Messages.status(id, AGENCY, "accepted").toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> "accepted".equals(TestHub.get().state(id)));
        assertThat(OUTBOX.resolve("sent/accepted.json")).exists();
    }

    @Test
    void leavesAloneWhatIsNotAJsonFile() throws Exception {
        Files.writeString(OUTBOX.resolve("notes.txt"), "not for Rujuk");
        Files.writeString(OUTBOX.resolve(".half-written.json"), "{");

        drop("after-notes.json", Messages.referral(AGENCY, RECEIVER).toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve("sent/after-notes.json")));
        assertThat(OUTBOX.resolve("notes.txt")).exists();
        assertThat(OUTBOX.resolve(".half-written.json")).exists();
    }

    /** As an agency system should: write elsewhere, then rename into the outbox. */
    private static void drop(String name, String content) throws IOException {
        Path temp = Files.createTempFile(OUTBOX.getParent(), "drop-", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, OUTBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonNode errorFile(String name) throws IOException {
        return ContractJson.mapper().readTree(Files.readString(OUTBOX.resolve("failed/" + name + ".error.json")));
    }

    private static List<String> pointers(JsonNode errors) {
        var pointers = new ArrayList<String>();
        errors.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        return pointers;
    }

    private static Path tempDir() {
        try {
            return Files.createDirectories(Files.createTempDirectory("rujuk-file-drop-").resolve("outbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
