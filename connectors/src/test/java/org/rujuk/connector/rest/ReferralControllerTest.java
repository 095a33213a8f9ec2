package org.rujuk.connector.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.ConnectorApi;
import org.rujuk.connector.Connectors;
import org.rujuk.connector.Messages;
import org.rujuk.connector.RujukConnectorApplication;
import org.rujuk.connector.TestHub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * REST in, against the real hub: the civil registry's connector (no delivery configured: its system only calls in).
 * A good referral is on the hub's address when the 202 comes back; a bad one is answered with the hub's own error
 * list; size, sender and credentials are enforced; the API describes itself.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RujukConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=connector", Connectors.NO_DATABASE, "spring.jmx.enabled=false"})
@DirtiesContext
class ReferralControllerTest {

    private static final String AGENCY = "civil_registry";

    @DynamicPropertySource
    static void civilRegistryAgainstTheTestHub(DynamicPropertyRegistry registry) {
        Connectors.forHub(AGENCY).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rujuk.connector.password", () -> TestHub.PASSWORD);
    }

    @LocalServerPort
    int port;

    private ConnectorApi api() {
        return new ConnectorApi(port, Connectors.apiUser(AGENCY), Connectors.apiPassword(AGENCY));
    }

    @Test
    void acceptsAValidReferralWith202AndTheHubRecordsIt() {
        var referral = Messages.referral(AGENCY, "health");
        UUID id = Messages.id(referral);

        var response = api().post("/referrals", referral.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/referrals/" + id);
        assertThat(ConnectorApi.json(response).get("referralId").asText()).isEqualTo(id.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(TestHub.get().state(id)));
        // ...and shows the hub's view of it.
        var view = api().get("/referrals/" + id);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(ConnectorApi.json(view).get("to").asText()).isEqualTo("health");
    }

    @Test
    void listsEveryProblemOfAnInvalidReferralAsTheHubWould() {
        var referral = Messages.referral(AGENCY, "health");
        referral.remove("summary");
        ((ObjectNode) referral.get("child")).put("nik", "123456789012345");
        referral.put("priority", "whenever");

        var response = api().post("/referrals", referral.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        var body = ConnectorApi.json(response);
        assertThat(body.get("referralId").asText()).isEqualTo(Messages.id(referral).toString());
        assertThat(body.get("rejectedType").asText()).isEqualTo("referral");
        assertThat(pointers(body)).containsExactlyInAnyOrder("/summary", "/child/nik", "/priority");
        assertThat(body.get("errors")).allSatisfy(error -> assertThat(error.get("message").asText())
                .isNotBlank().doesNotContain("123456789012345").doesNotContain("whenever"));
        assertThat(TestHub.get().state(Messages.id(referral))).isNull();
    }

    @Test
    void refusesAReferralThatIsNotJson() {
        var response = api().post("/referrals", "{\"type\":\"referral\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(pointers(ConnectorApi.json(response))).containsExactly("");
    }

    @Test
    void refusesABodyOver256KiBWith413WhetherItAnnouncesItsLengthOrNot() {
        byte[] big = new byte[256 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');

        var announced = api().postWithLength("/referrals", big);
        var chunked = api().postChunked("/referrals", big);

        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(ConnectorApi.json(announced).get("errors").get(0).get("message").asText())
                .isEqualTo("body is 262145 bytes; the limit is 262144");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(pointers(ConnectorApi.json(chunked))).containsExactly("");
    }

    @Test
    void refusesAReferralFromAnotherAgency() {
        var referral = Messages.referral("police", "health");

        var response = api().post("/referrals", referral.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        var errors = ConnectorApi.json(response).get("errors");
        assertThat(pointers(ConnectorApi.json(response))).containsExactly("/from");
        assertThat(errors.get(0).get("message").asText()).startsWith("must be your own agency code 'civil_registry'");
    }

    @Test
    void refusesAStatusOnTheReferralAddressAsTheHubWould() {
        var status = Messages.status(UUID.randomUUID(), AGENCY, "received");

        var response = api().post("/referrals", status.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(pointers(ConnectorApi.json(response))).containsExactly("/type");
    }

    @Test
    void refusesAStatusAboutAnotherReferralThanTheUrlNames() {
        var status = Messages.status(UUID.randomUUID(), AGENCY, "withdrawn");

        var response = api().post("/referrals/" + UUID.randomUUID() + "/status", status.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(pointers(ConnectorApi.json(response))).containsExactly("/referralId");
    }

    @Test
    void acceptsAStatusUpdateWith202() {
        var referral = Messages.referral(AGENCY, "health");
        UUID id = Messages.id(referral);
        assertThat(api().post("/referrals", referral.toString()).statusCode()).isEqualTo(202);
        // The hub takes referrals and status updates from two queues, concurrently: a withdrawal sent before the hub
        // recorded its referral is refused as being about an unknown referral.
        await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(TestHub.get().state(id)));

        var response = api().post("/referrals/" + id + "/status", Messages.status(id, AGENCY, "withdrawn").toString());

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "withdrawn".equals(TestHub.get().state(id)));
    }

    @Test
    void refusesCallsWithoutTheAgencySystemsCredentials() {
        var referral = Messages.referral(AGENCY, "health").toString();

        assertThat(api().withCredentials(null, null).post("/referrals", referral).statusCode()).isEqualTo(401);
        assertThat(api().withCredentials(Connectors.apiUser(AGENCY), "wrong").post("/referrals", referral).statusCode())
                .isEqualTo(401);
        // The broker account is not the API account.
        assertThat(api().withCredentials(AGENCY, TestHub.PASSWORD).get("/referrals/" + UUID.randomUUID()).statusCode())
                .isEqualTo(401);
        assertThat(api().withCredentials(null, null).get("/actuator/metrics").statusCode()).isEqualTo(401);
    }

    @Test
    void dropsASecondSendWithTheSameIdempotencyKeyAtTheBroker() {
        var referral = Messages.referral(AGENCY, "health");
        UUID id = Messages.id(referral);
        long before = TestHub.get().messagesAdded("rujuk.referrals.in");
        String key = UUID.randomUUID().toString();

        var first = api().post("/referrals", referral.toString(), key);
        var second = api().post("/referrals", referral.toString(), key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(TestHub.get().messagesAdded("rujuk.referrals.in") - before).as("messages that reached the hub")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(TestHub.get().state(id)));
    }

    @Test
    void describesItselfInAnOpenApiDocumentAndAUi() {
        var anonymous = api().withCredentials(null, null);

        var document = ConnectorApi.json(anonymous.get("/v3/api-docs"));
        var ui = anonymous.get("/swagger-ui/index.html");

        assertThat(document.get("info").get("title").asText()).isEqualTo("Rujuk connector for civil_registry");
        assertThat(document.get("paths").fieldNames()).toIterable()
                .contains("/referrals", "/referrals/{referralId}", "/referrals/{referralId}/status");
        assertThat(document.at("/paths/~1referrals/post/responses").fieldNames()).toIterable()
                .contains("202", "400", "401", "413", "503");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    private static List<String> pointers(JsonNode body) {
        var pointers = new ArrayList<String>();
        body.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        return pointers;
    }
}
