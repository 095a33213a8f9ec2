package org.rujuk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the issue is done by: two agencies with nothing but an HTTP endpoint each exchange a referral and its whole
 * status loop through the real hub, automatically. Police's system POSTs a referral to its connector; social's
 * system is called back by its connector (signature checked), which acknowledges `received` by itself; police's
 * system gets the receipt and every status notice; social's system answers over REST.
 */
class ReferralLoopTest {

    private static AgencySystem policeSystem;
    private static AgencySystem socialSystem;
    private static ConfigurableApplicationContext policeConnector;
    private static ConfigurableApplicationContext socialConnector;

    @BeforeAll
    static void twoAgenciesEachWithAConnector() {
        policeSystem = new AgencySystem();
        socialSystem = new AgencySystem();
        policeConnector = Connectors.start("police", Connectors.webhook(policeSystem));
        socialConnector = Connectors.start("social", Connectors.webhook(socialSystem));
    }

    @AfterAll
    static void stop() {
        socialConnector.close();
        policeConnector.close();
        socialSystem.close();
        policeSystem.close();
    }

    @Test
    void twoAgencySystemsExchangeAReferralAndItsWholeStatusLoop() {
        var referral = Messages.referral("police", "social");
        UUID id = Messages.id(referral);
        var police = Connectors.api(policeConnector, "police");
        var social = Connectors.api(socialConnector, "social");

        var sent = police.post("/referrals", referral.toString());
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(ConnectorApi.json(sent).get("referralId").asText()).isEqualTo(id.toString());

        // Social's system is called with the referral exactly as police wrote it, signed.
        await().atMost(Duration.ofSeconds(20)).until(() -> socialSystem.callsAbout(id, "referral").size() == 1);
        var delivered = socialSystem.callsAbout(id, "referral").get(0);
        assertThat(delivered.signatureValid()).isTrue();
        assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).isEqualTo(referral.toString());
        assertThat(delivered.idempotencyKey()).isEqualTo("referral:" + id);

        // Police's system gets the hub's receipt and, without anyone at social doing anything, `received`.
        await().atMost(Duration.ofSeconds(20)).until(() -> statusesSeenByPolice(id).contains("received"));
        assertThat(policeSystem.callsAbout(id, "receipt")).singleElement()
                .satisfies(receipt -> assertThat(receipt.json().get("to").asText()).isEqualTo("social"));

        // Social's system answers, one update right after the other: each reaches police's system, in order.
        for (String status : List.of("accepted", "in_progress", "completed")) {
            assertThat(social.post("/referrals/" + id + "/status", Messages.status(id, "social", status).toString())
                    .statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statusesSeenByPolice(id).equals(List.of("received", "accepted", "in_progress", "completed")));
        assertThat(policeSystem.callsAbout(id)).allMatch(AgencySystem.Call::signatureValid);
        // Nothing was refused on the way: no rejection reached either system.
        assertThat(policeSystem.callsAbout(id, "rejection")).isEmpty();
        assertThat(socialSystem.callsAbout(id, "rejection")).isEmpty();

        // Both see the hub's view through their own connector.
        var view = ConnectorApi.json(police.get("/referrals/" + id));
        assertThat(view.get("state").asText()).isEqualTo("completed");
        assertThat(social.get("/referrals/" + id).statusCode()).isEqualTo(200);
        assertThat(view.get("history")).extracting(entry -> entry.get("state").asText())
                .containsExactly("submitted", "received", "accepted", "in_progress", "completed");
    }

    @Test
    void aConnectorShowsOnlyItsOwnAgencysReferrals() {
        var police = Connectors.api(policeConnector, "police");
        assertThat(police.get("/referrals/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private static List<String> statusesSeenByPolice(UUID id) {
        return policeSystem.callsAbout(id, "status").stream().map(call -> call.json().get("status").asText()).toList();
    }
}
