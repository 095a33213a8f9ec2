package org.rujuk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A connector with everything on — REST, an outbox folder, and delivery both as files and by webhook — for health,
 * against the real hub: the conventions its routes keep, and delivery into the inbox folder.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RujukConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=connector", Connectors.NO_DATABASE, "spring.jmx.enabled=false"})
@DirtiesContext
class RujukConnectorApplicationTest {

    private static final String AGENCY = "health";
    private static final String SENDER = "education";
    private static final AgencySystem healthSystem = new AgencySystem();
    private static final Path FOLDERS = tempDir();

    @DynamicPropertySource
    static void healthWithEverything(DynamicPropertyRegistry registry) {
        Connectors.forHub(AGENCY).forEach((key, value) -> registry.add(key, () -> value));
        Connectors.webhook(healthSystem).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rujuk.connector.password", () -> TestHub.PASSWORD);
        registry.add("rujuk.connector.inbox-dir", () -> FOLDERS.resolve("inbox").toString());
        registry.add("rujuk.connector.outbox-dir", () -> FOLDERS.resolve("outbox").toString());
    }

    @AfterAll
    static void stopTheAgencySystem() {
        healthSystem.close();
    }

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteHasAKebabCaseIdAndTheSharedErrorHandling() {
        var routes = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions();
        assertThat(routes).extracting(route -> route.getRouteId())
                .containsExactlyInAnyOrder("send-to-hub", "file-drop", "inbox-delivery");
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.getRouteId()).matches("[a-z]+(-[a-z]+)*");
            assertThat(route.getRouteConfigurationId()).as(route.getRouteId())
                    .isEqualTo(ConnectorRouteConfiguration.ID);
        });
    }

    @Test
    void consumesTheInboxTransactedOnTheListenerSession() {
        var inbox = ((JmsEndpoint) camel.getRoute("inbox-delivery").getEndpoint()).getConfiguration();
        assertThat(inbox.isTransacted()).isTrue();
        assertThat(inbox.isLazyCreateTransactionManager()).isFalse();
        assertThat(inbox.isExposeListenerSession()).isTrue();
        assertThat(inbox.getTransactionManager()).isNull();
        assertThat(inbox.getConcurrentConsumers()).isEqualTo(1);
        // What REST and the file drop send is not transacted (there the broker drops a duplicate quietly); the
        // `received` status the inbox route sends is, on the inbox message's session.
        var sendsToTheHub = camel.getEndpoints().stream().filter(JmsEndpoint.class::isInstance)
                .map(JmsEndpoint.class::cast).filter(endpoint -> !endpoint.getDestinationName().endsWith(".inbox"))
                .toList();
        assertThat(sendsToTheHub).extracting(endpoint -> endpoint.getDestinationName() + " transacted="
                + endpoint.getConfiguration().isTransacted())
                .containsExactlyInAnyOrder("rujuk.referrals.in transacted=false", "rujuk.status.in transacted=false",
                        "rujuk.status.in transacted=true");
    }

    @Test
    void deliversIntoTheInboxFolderAtomicallyUnderAStableNameAndByWebhook() throws Exception {
        var referral = Messages.referral(SENDER, AGENCY);
        UUID id = Messages.id(referral);

        TestHub.get().send(SENDER, "rujuk.referrals.in", referral.toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> "received".equals(TestHub.get().state(id)));
        List<Path> files = inboxFiles();
        assertThat(files).filteredOn(file -> file.getFileName().toString().contains(id.toString()))
                .singleElement()
                .satisfies(file -> {
                    assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{9}Z-referral-" + id + "\\.json");
                    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(referral.toString());
                });
        // No temporary file is left behind, and the webhook had it too.
        assertThat(files).allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".json")
                .doesNotStartWith("."));
        assertThat(healthSystem.callsAbout(id, "referral")).hasSize(1);
    }

    private static List<Path> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDERS.resolve("inbox"))) {
            return files.toList();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rujuk-connector-folders-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
