package org.rujuk.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.FaultInjection;
import org.rujuk.hub.HubIntegrationTest;
import org.rujuk.hub.TestPostgres;
import org.rujuk.hub.watchdog.Watchdog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chain through the hub's real flows on PostgreSQL: hand-off events, rejections, escalations, decisions
 * and overseers' looks and exports are each appended once (not again on redelivery, not at all when rolled back);
 * the evidence export can be re-checked with nothing but the README's recipe; tampering with a row directly in SQL
 * (a detail, a hash, a previous hash, a deleted row, a deleted tail) is caught at the entry tampered with, over the
 * API and by the {@code verify-audit} command.
 */
class AuditChainTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Watchdog watchdog;

    @Test
    void recordsEveryHandoffEventRejectionEscalationAndOverseersLookOnce() throws Exception {
        ObjectNode referral = referral("police", "social");
        UUID id = UUID.fromString(referral.get("referralId").asText());
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
            // Stuck past its receive deadline (at most 24 h): escalated, and on the meeting pack.
            clock.advance(Duration.ofHours(25));
            watchdog.runOnce();
            String today = clock.instant().atZone(java.time.ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
            assertThat(get("coordinator", "/api/v1/reports/meeting?date=" + today + "&format=csv", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            assertThat(police.receive(inbox("police"), selectorFor(referral) + " AND rujukType = 'status'", WAIT))
                    .isNotNull();
            social.sendText(statusIn(), status(referral, "social", "accepted").toString()); // a repeat: no entry
            police.sendText(statusIn(), status(referral, "social", "completed").toString()); // spoofed: rejected
            assertThat(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT)).isNotNull();
            awaitIdle(statusIn());
        }
        assertThat(get("police", "/api/v1/referrals/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("coordinator", "/api/v1/referrals/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        dashboardTimeline("admin", id);

        var actions = actions(id);
        assertThat(actions.get(0)).isEqualTo("police referral-recorded");
        assertThat(actions).containsSubsequence("police referral-recorded", "hub escalated",
                "coordinator meeting-pack-exported", "social state-entered", "social state-entered",
                "police message-rejected", "coordinator referral-viewed", "admin timeline-viewed");
        // Once each: the repeated status and the agency's own look added nothing.
        assertThat(actions.stream().filter("social state-entered"::equals)).hasSize(2);
        assertThat(actions).hasSize(7 + (int) actions.stream().filter("hub escalated"::equals).count());
        assertThat(actions.stream().filter("hub escalated"::equals).count()).isEqualTo(jdbc.sql(
                "select count(*) from handoff_deadline_event where referral_id = :id and kind = 'escalated'")
                .param("id", id).query(Long.class).single());
        assertThat(details(id)).anySatisfy(d -> assertThat(d).startsWith("state=received previous=submitted "
                + "implied=true message="));
        // The spoofed status was rejected: the sender's account, the referral, no content of the message.
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'message-rejected' and actor = 'police' "
                + "and referral_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void aRedeliveredMessageAppendsOnceAndARolledBackOneNotAtAll() throws Exception {
        ObjectNode redelivered = referral("police", "health");
        ObjectNode rolledBack = referral("police", "education");
        try (var police = agency("police"); var health = agency("health"); var education = agency("education")) {
            faults.arm("referral", FaultInjection.Point.AFTER_LEDGER, 1);
            police.sendText(referralsIn(), redelivered.toString());
            assertThat(health.receive(inbox("health"), selectorFor(redelivered), WAIT)).isNotNull();
            faults.arm("referral", FaultInjection.Point.BEFORE_LEDGER, 1);
            police.sendText(referralsIn(), rolledBack.toString());
            assertThat(education.receive(inbox("education"), selectorFor(rolledBack), WAIT)).isNotNull();
            faults.arm("status", FaultInjection.Point.AFTER_SEND, 2);
            health.sendText(statusIn(), status(redelivered, "health", "received").toString());
            assertThat(police.receive(inbox("police"), selectorFor(redelivered) + " AND rujukType = 'status'",
                    WAIT)).isNotNull();
            awaitIdle(statusIn());
        }
        assertThat(actions(UUID.fromString(redelivered.get("referralId").asText())))
                .containsExactly("police referral-recorded", "health state-entered");
        assertThat(actions(UUID.fromString(rolledBack.get("referralId").asText())))
                .containsExactly("police referral-recorded");
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void evidenceCanBeRecheckedWithTheReadmeRecipeAndIsItselfAudited() throws Exception {
        ObjectNode referral = referral("police", "social");
        String id = referral.get("referralId").asText();
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
        }
        assertThat(get("police", "/api/v1/referrals/" + id + "/evidence", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("coordinator", "/api/v1/referrals/" + UUID.randomUUID() + "/evidence", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode evidence = get("coordinator", "/api/v1/referrals/" + id + "/evidence", JsonNode.class).getBody();
        var entries = evidence.get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("action").asText()).isEqualTo("evidence-exported");
        for (JsonNode e : entries) {
            // The recipe as the README gives it, implemented here independently of AuditHash.
            String canonical = String.join("\n", "rujuk-audit-v1", e.get("seq").asText(), e.get("at").asText(),
                    e.get("actor").asText(), e.get("action").asText(),
                    e.get("referralId").isNull() ? "" : e.get("referralId").asText(), e.get("detail").asText(),
                    e.get("prevHash").asText());
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.get("hash").asText()).as("entry " + e.get("seq")).isEqualTo(hash);
            assertThat(e.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        assertThat(evidence.get("chainHeadSeq").asLong()).isGreaterThanOrEqualTo(entries.get(1).get("seq").asLong());
    }

    @Test
    void tamperingIsCaughtAtTheEntryTamperedWith() throws Exception {
        var ids = new ArrayList<UUID>();
        try (var police = agency("police"); var social = agency("social")) {
            for (int i = 0; i < 3; i++) {
                ObjectNode referral = referral("police", "social");
                police.sendText(referralsIn(), referral.toString());
                assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
                ids.add(UUID.fromString(referral.get("referralId").asText()));
            }
        }
        assertThat(verify()).containsEntry("intact", true);
        assertThat(command()).isZero();
        long target = seqOf(ids.get(1));
        Map<String, Object> original = jdbc.sql("select * from audit_log where seq = :seq").param("seq", target)
                .query().singleRow();

        tamper("update audit_log set detail = 'state=submitted to=health' where seq = :seq", target);
        assertBrokenAt(target, "hash mismatch");
        assertThat(command()).isEqualTo(1);
        restore(original);

        tamper("update audit_log set hash = '" + "ab".repeat(32) + "' where seq = :seq", target);
        assertBrokenAt(target, "hash mismatch");
        restore(original);

        tamper("update audit_log set prev_hash = '" + "cd".repeat(32) + "' where seq = :seq", target);
        assertBrokenAt(target, "previous-hash mismatch");
        restore(original);

        // Changing an entry and recomputing its own hash still breaks the link from the next entry.
        String forged = AuditHash.of(target, (OffsetDateTime) odt(original.get("at")), "police", "referral-recorded",
                ids.get(1), "forged", (String) original.get("prev_hash"));
        tamper("update audit_log set detail = 'forged', hash = '" + forged + "' where seq = :seq", target);
        assertBrokenAt(target + 1, "previous-hash mismatch");
        restore(original);

        tamper("delete from audit_log where seq = :seq", target);
        assertBrokenAt(target, "gap");
        assertThat(command()).isEqualTo(1);
        restore(original);

        assertThat(verify()).containsEntry("intact", true);
        assertThat(command()).isZero();
    }

    @Test
    void answersWhichReferralsAnActorTouchedInAPeriod() throws Exception {
        OffsetDateTime from = OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusSeconds(1);
        var seen = new ArrayList<String>();
        try (var police = agency("police"); var social = agency("social")) {
            for (int i = 0; i < 2; i++) {
                ObjectNode referral = referral("police", "social");
                police.sendText(referralsIn(), referral.toString());
                assertThat(social.receive(inbox("social"), selectorFor(referral), WAIT)).isNotNull();
                seen.add(referral.get("referralId").asText());
            }
        }
        get("coordinator", "/api/v1/referrals/" + seen.get(0), String.class);
        String to = OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusSeconds(1).toString();
        String query = "/api/v1/audit/touched?actor=%s&from=" + from + "&to=" + to;

        JsonNode byCoordinator = get("admin", query.formatted("coordinator"), JsonNode.class).getBody();
        assertThat(byCoordinator.findValuesAsText("referralId")).contains(seen.get(0)).doesNotContain(seen.get(1));
        JsonNode byPolice = get("admin", query.formatted("police"), JsonNode.class).getBody();
        assertThat(byPolice.findValuesAsText("referralId")).contains(seen.get(0), seen.get(1));

        assertThat(get("coordinator", query.formatted("police"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("coordinator", "/api/v1/audit/verify", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "/api/v1/audit/touched?actor=police&from=yesterday", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<String> actions(UUID referralId) {
        return jdbc.sql("select actor, action from audit_log where referral_id = :id order by seq")
                .param("id", referralId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private List<String> details(UUID referralId) {
        return jdbc.sql("select detail from audit_log where referral_id = :id order by seq")
                .param("id", referralId).query(String.class).list();
    }

    private long seqOf(UUID referralId) {
        return jdbc.sql("select min(seq) from audit_log where referral_id = :id").param("id", referralId)
                .query(Long.class).single();
    }

    private void tamper(String sql, long seq) {
        assertThat(jdbc.sql(sql).param("seq", seq).update()).isEqualTo(1);
    }

    private void restore(Map<String, Object> row) {
        jdbc.sql("delete from audit_log where seq = :seq").param("seq", row.get("seq")).update();
        jdbc.sql("""
                insert into audit_log (seq, at, actor, action, referral_id, detail, prev_hash, hash)
                values (:seq, :at, :actor, :action, :referral, :detail, :prev, :hash)""")
                .param("seq", row.get("seq")).param("at", odt(row.get("at"))).param("actor", row.get("actor"))
                .param("action", row.get("action")).param("referral", row.get("referral_id"))
                .param("detail", row.get("detail")).param("prev", row.get("prev_hash")).param("hash", row.get("hash"))
                .update();
        assertThat(verify()).containsEntry("intact", true);
    }

    private void assertBrokenAt(long seq, String problem) {
        var result = verify();
        assertThat(result).containsEntry("intact", false).containsEntry("problem", problem);
        assertThat(((Number) result.get("brokenSeq")).longValue()).isEqualTo(seq);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        var response = get("admin", "/api/v1/audit/verify", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The verify-audit command against the same database, as an operator would run it. */
    private static int command() {
        return VerifyAuditCommand.run("--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    private <T> org.springframework.http.ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.withBasicAuth(user, "demo").getForEntity(path, type);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** The dashboard's timeline page, through its form login (session cookie and CSRF token), cookies by hand. */
    private void dashboardTimeline(String user, UUID id) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var loginPage = client.send(request("/login", null).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user + "&password=demo&_csrf="
                + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = client.send(request("/login", cookie(loginPage.headers()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        var page = client.send(request("/referrals/" + id, cookie(login.headers())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpRequest.Builder request(String path, String cookie) {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path));
        return cookie == null ? builder : builder.header("Cookie", cookie);
    }

    private static String cookie(java.net.http.HttpHeaders headers) {
        return headers.allValues("set-cookie").get(0).split(";")[0];
    }

    private static OffsetDateTime odt(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
