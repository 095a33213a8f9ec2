package org.rujuk.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

class ReferralLedgerControllerTest extends HubIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void showsTheLedgerViewToBothPartiesAndCoordinatorsOnly() throws Exception {
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), 10_000)).isNotNull();
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            assertThat(police.receive(inbox("police"), selectorFor(referral) + " AND rujukType = 'status'", 10_000))
                    .isNotNull();
        }
        String path = "/api/v1/referrals/" + referral.get("referralId").asText();

        for (String user : new String[] {"police", "social", "coordinator"}) {
            var response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            JsonNode view = response.getBody();
            assertThat(view.get("state").asText()).isEqualTo("accepted");
            assertThat(view.get("history")).extracting(e -> e.get("state").asText())
                    .containsExactly("submitted", "received", "accepted");
            assertThat(view.get("history").get(1).get("implied").asBoolean()).isTrue();
            assertThat(view.get("stateTimes").has("accepted")).isTrue();
            assertThat(view.toString()).doesNotContain(referral.get("child").get("initials").asText() + "\"",
                    referral.get("summary").asText());
        }
        assertThat(http.withBasicAuth("health", "demo").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("police", "wrong").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("hub", "demo").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void answersNotFoundForAnUnknownReferral() {
        assertThat(http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/v1/referrals/6f1c2a44-5d0e-4d8a-9b1e-3c2f1a0e9d7b", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void healthIsOpenAndReportsBrokerDatabaseAndRoutesToCoordinators() {
        assertThat(http.getForEntity("/actuator/health", JsonNode.class).getBody().get("status").asText())
                .isEqualTo("UP");
        JsonNode details = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/actuator/health", JsonNode.class).getBody().get("components");
        assertThat(details.has("jms")).isTrue();
        assertThat(details.has("db")).isTrue();
        assertThat(details.has("camelHealth") || details.has("camel")).as(details.toString()).isTrue();
        var routeMetric = http.withBasicAuth("admin", "demo")
                .getForEntity("/actuator/metrics/camel.exchanges.total", JsonNode.class);
        assertThat(routeMetric.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("police", "demo").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
