package org.rujuk.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.JournalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.broker.EmbeddedBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub the way the README starts it: no profile, embedded broker, H2 under the data directory. Its broker is
 * configured as the contract needs, a referral flows, and a restart keeps both the broker's messages and the
 * ledger.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path data;

    private final int brokerPort = TestPorts.free();

    @Test
    void startsAsTheReadmeSaysAndKeepsEverythingAcrossARestart() throws Exception {
        ObjectNode referral = (ObjectNode) HubIntegrationTest.Examples.json("referral-police-to-social.json");
        referral.put("referralId", UUID.randomUUID().toString());
        String selector = "referralId = '" + referral.get("referralId").asText() + "'";

        try (var hub = start()) {
            var configuration = hub.getBean(EmbeddedBroker.class).server().getConfiguration();
            assertThat(configuration.isPersistenceEnabled()).isTrue();
            assertThat(configuration.isSecurityEnabled()).isTrue();
            assertThat(configuration.isPopulateValidatedUser()).isTrue();
            assertThat(configuration.getJournalType()).isEqualTo(JournalType.NIO);
            assertThat(configuration.getJournalBufferTimeout_NIO()).isEqualTo(132_000);
            assertThat(configuration.isPersistIDCache()).isTrue();
            assertThat(Path.of(configuration.getJournalDirectory())).startsWith(data.toAbsolutePath());
            assertThat(configuration.getAcceptorConfigurations())
                    .anySatisfy(acceptor -> assertThat(acceptor.getParams().get("protocols"))
                            .isEqualTo("CORE,AMQP,STOMP"));
            assertThat(Files.exists(data.resolve("db"))).isTrue();

            try (var police = new AgencyClient(brokerUrl(), "police", "demo")) {
                // Addresses are declared, never created by a client.
                assertThatThrownBy(() -> police.sendText("rujuk.referals.in", "{}"))
                        .isInstanceOf(jakarta.jms.JMSException.class);
                police.sendText("rujuk.referrals.in", referral.toString());
                assertThat(police.receive("rujuk.agency.police.inbox", selector, 10_000)).isNotNull();
            }
            // The watchdog's locking query runs on H2 too (nothing is late yet).
            assertThat(hub.getBean(org.rujuk.hub.watchdog.Watchdog.class).runOnce()).isZero();
        }

        try (var hub = start()) {
            try (var social = new AgencyClient(brokerUrl(), "social", "demo")) {
                var delivered = social.receive("rujuk.agency.social.inbox", selector, 10_000);
                assertThat(AgencyClient.text(delivered)).isEqualTo(referral.toString());
            }
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            JsonNode view = get(port, "/api/v1/referrals/" + referral.get("referralId").asText(), "social");
            assertThat(view.get("state").asText()).isEqualTo("submitted");
            assertThat(view.get("from").asText()).isEqualTo("police");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RujukHubApplication.class).run(
                "--rujuk.data-dir=" + data,
                "--rujuk.broker.acceptor-url=" + brokerUrl(),
                "--rujuk.broker.url=vm://" + brokerPort,
                "--server.port=0");
    }

    private String brokerUrl() {
        return "tcp://localhost:" + brokerPort;
    }

    private static JsonNode get(int port, String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }
}
