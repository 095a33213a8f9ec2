package org.rujuk.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention with the hub's clock moved past the periods: a closed hand-off is reduced to statistics and deleted
 * with all its rows, an open one older still is kept, old dead letters are purged from the broker with their
 * counts and young ones kept, every deletion is in the audit chain and the chain still verifies.
 */
class RetentionTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerTemplate producer;

    @Test
    void reducesClosedHandoffsPastThePeriodKeepsOpenOnesAndPurgesOldDeadLetters() throws Exception {
        ObjectNode closed = referral("police", "social");
        ObjectNode open = referral("police", "social");
        UUID closedId = UUID.fromString(closed.get("referralId").asText());
        UUID openId = UUID.fromString(open.get("referralId").asText());
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), closed.toString());
            police.sendText(referralsIn(), open.toString());
            assertThat(social.receive(inbox("social"), selectorFor(closed), WAIT)).isNotNull();
            assertThat(social.receive(inbox("social"), selectorFor(open), WAIT)).isNotNull();
            social.sendText(statusIn(), status(closed, "social", "declined").toString());
            assertThat(police.receive(inbox("police"), selectorFor(closed) + " AND rujukType = 'status'", WAIT))
                    .isNotNull();
        }
        long statisticsBefore = statistics(closed, "declined");

        // Past five years for both; the open one is older still, and stays.
        clock.advance(Duration.ofDays(5 * 366 + 1));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String oldKey = "retention-old-" + UUID.randomUUID();
        String youngKey = "retention-young-" + UUID.randomUUID();
        deadLetter(oldKey, now.minusDays(91));
        deadLetter(youngKey, now.minusDays(1));

        assertThat(http.withBasicAuth("coordinator", "demo").postForEntity("/api/v1/retention/run", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var run = http.withBasicAuth("admin", "demo").postForEntity("/api/v1/retention/run", null, JsonNode.class);
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(run.getBody().get("closedHandoffsRemoved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.getBody().get("deadLettersPurged").asInt()).isGreaterThanOrEqualTo(1);

        for (String table : new String[] {"handoff", "handoff_event", "handoff_clock", "handoff_deadline_event",
                "meeting_decision"}) {
            assertThat(rows(table, closedId)).as(table).isZero();
        }
        assertThat(rows("handoff", openId)).isEqualTo(1);
        assertThat(rows("handoff_event", openId)).isEqualTo(1);
        assertThat(statistics(closed, "declined")).isEqualTo(statisticsBefore + 1);
        assertThat(audited(closedId, "handoff-deleted")).isEqualTo(1);
        assertThat(audited(openId, "handoff-deleted")).isZero();

        assertThat(deadLetterKeys()).contains(youngKey).doesNotContain(oldKey);
        assertThat(jdbc.sql("select count(*) from dead_letter_log where message_key in (:keys)")
                .param("keys", java.util.List.of(oldKey, youngKey)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'dead-letter-purged' and detail like :d")
                .param("d", "%message=" + oldKey + " %").query(Long.class).single()).isEqualTo(1);

        // Again: nothing more to do, nothing appended twice.
        var again = http.withBasicAuth("admin", "demo").postForEntity("/api/v1/retention/run", null, JsonNode.class);
        assertThat(again.getBody().get("closedHandoffsRemoved").asInt()).isZero();
        assertThat(audited(closedId, "handoff-deleted")).isEqualTo(1);

        @SuppressWarnings("unchecked")
        Map<String, Object> verification = http.withBasicAuth("admin", "demo")
                .getForEntity("/api/v1/audit/verify", Map.class).getBody();
        assertThat(verification).containsEntry("intact", true);
    }

    private void deadLetter(String key, OffsetDateTime deadAt) {
        producer.sendBodyAndHeaders("jms:queue:" + properties.addresses().dead(), "{}", Map.of(
                "rujukType", "dead-letter", "rujukMessageKey", key, "rujukDeadAt", deadAt.toString(),
                "rujukDeadReason", "test"));
        jdbc.sql("insert into dead_letter_log (message_key, at, sender, original_address, reason) "
                        + "values (:key, :at, 'police', 'rujuk.referrals.in', 'test')")
                .param("key", key).param("at", deadAt).update();
    }

    private java.util.List<String> deadLetterKeys() throws Exception {
        var queue = broker.server().locateQueue(SimpleString.of(properties.addresses().dead()));
        var keys = new java.util.ArrayList<String>();
        try (var iterator = queue.browserIterator()) {
            while (iterator.hasNext()) {
                var property = iterator.next().getMessage().getStringProperty("rujukMessageKey");
                if (property != null) {
                    keys.add(property);
                }
            }
        }
        return keys;
    }

    private long rows(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where referral_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long audited(UUID id, String action) {
        return jdbc.sql("select count(*) from audit_log where referral_id = :id and action = :action")
                .param("id", id).param("action", action).query(Long.class).single();
    }

    private long statistics(JsonNode referral, String finalState) {
        return jdbc.sql("""
                select coalesce(sum(handoffs), 0) from handoff_statistics
                where from_agency = :from and to_agency = :to and category = :category and child_role = :role
                    and priority = :priority and final_state = :state""")
                .param("from", referral.get("from").asText()).param("to", referral.get("to").asText())
                .param("category", referral.get("category").asText())
                .param("role", referral.get("childRole").asText())
                .param("priority", referral.get("priority").asText()).param("state", finalState)
                .query(Long.class).single();
    }
}
