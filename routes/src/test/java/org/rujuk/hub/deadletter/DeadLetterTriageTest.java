package org.rujuk.hub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.FaultInjection.Point;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dead-letter triage through the API, on the embedded broker and PostgreSQL: a referral that failed every attempt is
 * listed with its fields and no body, an administrator reads its body (audited), replays it after the fault is
 * gone and it reaches its recipient once with a receipt to the agency that sent it; a second replay, or two
 * "replay all" at once, change nothing; a replay that fails again comes back one replay further and is refused past
 * the bound; a discard needs a reason; coordinators may only look; an agency cannot pose as a replay.
 */
class DeadLetterTriageTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void replaysARecordedButUndeliveredReferralOnceToItsRecipientWithAReceiptToItsSender() throws Exception {
        // The ledger commits, then the hub fails before sending, on every attempt: recorded, never delivered.
        faults.arm("referral", Point.AFTER_LEDGER, 1_000);
        ObjectNode referral = referral("police", "social");
        String referralId = referral.get("referralId").asText();
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            JsonNode dead = awaitDeadLetter(referralId, 0);

            assertThat(dead.get("sender").asText()).isEqualTo("police");
            assertThat(dead.get("originalAddress").asText()).isEqualTo(referralsIn());
            assertThat(dead.get("reason").asText()).contains("injected fault AFTER_LEDGER");
            assertThat(dead.get("attempts").asInt()).isEqualTo(properties.delivery().maxAttempts() + 1);
            assertThat(dead.get("replayCount").asInt()).isZero();
            assertThat(dead.get("replayable").asBoolean()).isTrue();
            assertThat(dead.get("deadAt").asText()).isNotBlank();
            String key = dead.get("key").asText();

            // Coordinators: the list without any body; no body, no replay, no discard.
            var asCoordinator = http.withBasicAuth("coordinator", "demo")
                    .getForEntity("/api/v1/dead-letters?referralId=" + referralId, String.class);
            assertThat(asCoordinator.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(asCoordinator.getBody()).contains(key).doesNotContain(referral.get("summary").asText())
                    .doesNotContain(referral.get("caseRef").asText());
            assertThat(http.withBasicAuth("coordinator", "demo").getForEntity("/api/v1/dead-letters/{key}/body",
                    String.class, key).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("coordinator", "demo").postForEntity("/api/v1/dead-letters/{key}/replay",
                    null, String.class, key).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("coordinator", "demo").postForEntity("/api/v1/dead-letters/discard",
                    Map.of("keys", List.of(key), "reason", "x"), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("police", "demo").getForEntity("/api/v1/dead-letters", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // An administrator reads the body, and that look is in the chain.
            var body = http.withBasicAuth("admin", "demo").getForEntity("/api/v1/dead-letters/{key}/body",
                    String.class, key);
            assertThat(body.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(read(body.getBody()).get("referralId").asText()).isEqualTo(referralId);
            assertThat(audited("dead-letter-body-viewed", referralId, "admin")).isEqualTo(1);

            faults.disarmAll();
            var replayed = replay(key);
            assertThat(replayed.get("result").asText()).isEqualTo("REPLAYED");
            assertThat(replayed.get("replayCount").asInt()).isEqualTo(1);

            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
            var receipt = police.receive(inbox("police"), selectorFor(referral), WAIT);
            assertThat(receipt.getStringProperty("rujukType")).isEqualTo("receipt");
            awaitIdle(referralsIn());

            // Again: it is no longer there, and nothing more is sent.
            var again = replay(key);
            assertThat(again.get("result").asText()).isEqualTo("NOT_FOUND");
            assertThat(again.get("detail").asText()).contains("already replayed");
            awaitIdle(referralsIn());
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(referral))).isEmpty();
            assertThat(deadLetters("referralId=" + referralId).get("total").asInt()).isZero();
        }
        assertThat(jdbc.sql("select status || ' ' || replay_count || ' ' || handled_by from dead_letter_log "
                + "where referral_id = cast(:id as uuid)").param("id", referralId).query(String.class).single())
                .isEqualTo("replayed 1 admin");
        assertThat(audited("dead-letter-replayed", referralId, "admin")).isEqualTo(1);
        // Recorded once by the first attempt; the replay was recognised as that same message.
        assertThat(audited("referral-recorded", referralId, "police")).isEqualTo(1);
        assertThat(verifyAudit()).containsEntry("intact", true);
    }

    @Test
    void aReplayThatFailsAgainComesBackOneReplayFurtherAndIsRefusedPastTheBoundThenDiscarded() throws Exception {
        faults.arm("referral", Point.BEFORE_LEDGER, 10_000);
        ObjectNode referral = referral("police", "social");
        String referralId = referral.get("referralId").asText();
        int bound = properties.delivery().maxReplays();
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            String key = awaitDeadLetter(referralId, 0).get("key").asText();
            for (int n = 1; n <= bound; n++) {
                assertThat(replay(key).get("result").asText()).isEqualTo("REPLAYED");
                JsonNode dead = awaitDeadLetter(referralId, n);
                // The same message, still the agency's: the hub's replay does not make it the hub's.
                assertThat(dead.get("key").asText()).isEqualTo(key);
                assertThat(dead.get("sender").asText()).isEqualTo("police");
            }
            JsonNode spent = awaitDeadLetter(referralId, bound);
            assertThat(spent.get("replayable").asBoolean()).isFalse();
            assertThat(spent.get("notReplayableBecause").asText())
                    .contains("replayed " + bound + " times").contains("rujuk.delivery.max-replays");

            faults.disarmAll();
            var refused = replay(key);
            assertThat(refused.get("result").asText()).isEqualTo("NOT_REPLAYABLE");
            // "Replay all" leaves it alone too.
            assertThat(post("/api/v1/dead-letters/replay", Map.of("filter", Map.of())).get("outcomes")).isEmpty();
            assertThat(deadLetters("referralId=" + referralId).get("total").asInt()).isEqualTo(1);
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();

            var noReason = http.withBasicAuth("admin", "demo").postForEntity("/api/v1/dead-letters/{key}/discard",
                    Map.of("reason", " "), String.class, key);
            assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            String reason = "Agency re-sent it under a new referral id";
            var discarded = post("/api/v1/dead-letters/" + key + "/discard", Map.of("reason", reason))
                    .get("outcomes").get(0);
            assertThat(discarded.get("result").asText()).isEqualTo("DISCARDED");
            assertThat(deadLetters("referralId=" + referralId).get("total").asInt()).isZero();
            assertThat(police.drain(inbox("police"), selectorFor(referral))).isEmpty();
        }
        assertThat(jdbc.sql("select status || ' ' || replay_count || ' ' || discard_reason from dead_letter_log "
                + "where referral_id = cast(:id as uuid)").param("id", referralId).query(String.class).single())
                .isEqualTo("discarded " + bound + " Agency re-sent it under a new referral id");
        assertThat(audited("dead-letter-replayed", referralId, "admin")).isEqualTo(bound);
        assertThat(audited("dead-letter-discarded", referralId, "admin")).isEqualTo(1);
        // The administrator's words stay out of the chain; their hash is in it.
        assertThat(jdbc.sql("select detail from audit_log where action = 'dead-letter-discarded' "
                + "and referral_id = cast(:id as uuid)").param("id", referralId).query(String.class).single())
                .contains("reason-sha256=").doesNotContain("re-sent");
        assertThat(verifyAudit()).containsEntry("intact", true);
    }

    @Test
    void replaysAStatusUpdateForItsSenderAndTheOtherPartyIsToldOnce() throws Exception {
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
            assertThat(police.receive(inbox("police"), selectorFor(referral), WAIT)).isNotNull();

            faults.arm("status", Point.AFTER_SEND, 10_000);
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            JsonNode dead = awaitDeadLetter(referral.get("referralId").asText(), 0);
            assertThat(dead.get("sender").asText()).isEqualTo("social");
            assertThat(dead.get("originalAddress").asText()).isEqualTo(statusIn());
            faults.disarmAll();

            assertThat(replay(dead.get("key").asText()).get("result").asText()).isEqualTo("REPLAYED");
            awaitIdle(statusIn());
            // received (implied) and accepted, each once, to police; nothing back to social.
            var notices = new ArrayList<String>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (var m : police.drain(inbox("police"), selectorFor(referral))) {
                    notices.add(read(m).get("status").asText());
                }
                assertThat(notices).containsExactly("received", "accepted");
            });
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
        }
    }

    @Test
    void twoReplayAllsAtOnceReplayEachDeadLetterOnceAndEachReferralArrivesOnce() throws Exception {
        faults.arm("referral", Point.BEFORE_LEDGER, 10_000);
        ObjectNode first = referral("police", "social");
        ObjectNode second = referral("health", "social");
        try (var police = agency("police"); var health = agency("health"); var social = agency("social")) {
            police.sendText(referralsIn(), first.toString());
            health.sendText(referralsIn(), second.toString());
            awaitDeadLetter(first.get("referralId").asText(), 0);
            awaitDeadLetter(second.get("referralId").asText(), 0);
            faults.disarmAll();

            var all = Map.of("filter", Map.of("reason", "injected fault"));
            var one = CompletableFuture.supplyAsync(() -> post("/api/v1/dead-letters/replay", all));
            var other = CompletableFuture.supplyAsync(() -> post("/api/v1/dead-letters/replay", all));
            var results = new ArrayList<String>();
            for (JsonNode outcomes : List.of(one.get(), other.get())) {
                outcomes.get("outcomes").forEach(o -> results.add(o.get("result").asText()));
            }
            assertThat(results.stream().filter("REPLAYED"::equals)).hasSize(2);

            assertThat(social.receive(inbox("social"), selectorFor(first), WAIT)).isNotNull();
            assertThat(social.receive(inbox("social"), selectorFor(second), WAIT)).isNotNull();
            assertThat(police.receive(inbox("police"), selectorFor(first), WAIT).getStringProperty("rujukType"))
                    .isEqualTo("receipt");
            assertThat(health.receive(inbox("health"), selectorFor(second), WAIT).getStringProperty("rujukType"))
                    .isEqualTo("receipt");
            awaitIdle(referralsIn());

            // Once more, now that they are gone: nothing to replay, nothing more arrives.
            assertThat(post("/api/v1/dead-letters/replay", all).get("outcomes")).isEmpty();
            awaitIdle(referralsIn());
            assertThat(social.drain(inbox("social"), selectorFor(first) + " OR " + selectorFor(second))).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(first))).isEmpty();
            assertThat(health.drain(inbox("health"), selectorFor(second))).isEmpty();
        }
        assertThat(verifyAudit()).containsEntry("intact", true);
    }

    @Test
    void anAgencyPosingAsAReplayForAnotherAgencyIsRefused() throws Exception {
        ObjectNode forged = referral("social", "health");
        ObjectNode own = referral("police", "health");
        var factory = new ActiveMQConnectionFactory(BROKER_URL, "police", "demo");
        try (var connection = factory.createConnection(); var police = agency("police");
             var social = agency("social"); var health = agency("health")) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (var producer = session.createProducer(session.createQueue(referralsIn()))) {
                for (ObjectNode body : List.of(forged, own)) {
                    var message = session.createTextMessage(body.toString());
                    message.setStringProperty("rujukReplaySender", "social");
                    message.setStringProperty("rujukReplayOf", "amq:1");
                    message.setIntProperty("rujukReplayCount", 1);
                    producer.send(message);
                }
            }
            // Pretending to be social's replay: refused to police, the account that really sent it.
            JsonNode rejection = read(police.receive(inbox("police"), selectorFor(forged), WAIT));
            assertThat(pointers(rejection)).containsExactly("/from");
            // Its own referral with the same properties is simply police's: receipt to police, not to social.
            assertThat(police.receive(inbox("police"), selectorFor(own), WAIT).getStringProperty("rujukType"))
                    .isEqualTo("receipt");
            assertThat(health.receive(inbox("health"), selectorFor(own), WAIT)).isNotNull();
            awaitIdle(referralsIn());
            assertThat(health.drain(inbox("health"), selectorFor(forged))).isEmpty();
            assertThat(social.drain(inbox("social"), selectorFor(forged) + " OR " + selectorFor(own))).isEmpty();
        }
    }

    // ---- helpers

    private JsonNode awaitDeadLetter(String referralId, int replayCount) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode items = deadLetters("referralId=" + referralId).get("items");
            return items.size() == 1 && items.get(0).get("replayCount").asInt() == replayCount ? items.get(0) : null;
        }, found -> found != null);
    }

    private JsonNode deadLetters(String query) {
        ResponseEntity<JsonNode> page = http.withBasicAuth("admin", "demo")
                .getForEntity("/api/v1/dead-letters?" + query, JsonNode.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private JsonNode replay(String key) {
        var response = http.withBasicAuth("admin", "demo").postForEntity("/api/v1/dead-letters/{key}/replay", null,
                JsonNode.class, key);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("outcomes")).hasSize(1);
        return response.getBody().get("outcomes").get(0);
    }

    private JsonNode post(String path, Object body) {
        var response = http.withBasicAuth("admin", "demo").postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private long audited(String action, String referralId, String actor) {
        return jdbc.sql("select count(*) from audit_log where action = :action and actor = :actor "
                        + "and referral_id = cast(:id as uuid)")
                .param("action", action).param("actor", actor).param("id", referralId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verifyAudit() {
        return http.withBasicAuth("admin", "demo").getForEntity("/api/v1/audit/verify", Map.class).getBody();
    }

    private static JsonNode read(String json) throws Exception {
        return org.rujuk.contract.ContractJson.mapper().readTree(json);
    }
}
