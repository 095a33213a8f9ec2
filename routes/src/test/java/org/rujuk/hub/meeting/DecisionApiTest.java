package org.rujuk.hub.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The decisions API and the pack's parameters: what is refused, and who may use them at all. */
class DecisionApiTest extends MeetingTestSupport {

    private static final String UNKNOWN = "6f1c2a44-5d0e-4d8a-9b1e-3c2f1a0e9d7b";

    private ObjectNode referral;
    private LocalDate today;

    @BeforeEach
    void aReferralWaitingToBeReceived() throws Exception {
        referral = submitted("police", "social", "routine");
        today = today();
    }

    @Test
    void refusesABadDecisionWithOneErrorPerFieldNeverRepeatingWhatWasSent() {
        var bad = new LinkedHashMap<String, Object>();
        bad.put("deadline", "litmas_nonsense");
        bad.put("meetingDate", "2026-02-30");
        bad.put("action", "   ");
        bad.put("responsibleAgency", "fire_brigade");
        bad.put("colour", "merah");
        var response = decide("coordinator", referral, bad);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(pointers(response))
                .containsExactly("/deadline", "/meetingDate", "/action", "/responsibleAgency", "/dueDate", "/colour");
        assertThat(response.getBody().toString())
                .doesNotContain("litmas_nonsense", "2026-02-30", "fire_brigade", "merah")
                .contains("one of: receive");

        assertThat(pointers(decide("coordinator", referral,
                decision("receive", today, "x".repeat(501), "social", today)))).containsExactly("/action");
        assertThat(decide("coordinator", referral, decision("receive", today, "\uD83D\uDE00".repeat(500), "social",
                today)).getStatusCode().value()).as("500 characters, counted as people count them").isEqualTo(201);
        assertThat(pointers(decide("coordinator", referral,
                decision("receive", today.plusDays(1), "Rapat besok", "social", today.plusDays(2)))))
                .containsExactly("/meetingDate");
        assertThat(pointers(decide("coordinator", referral,
                decision("receive", today.minusDays(7), "Terlambat", "social", today.minusDays(1)))))
                .containsExactly("/dueDate");
        assertThat(pointers(decide("coordinator", referral,
                decision("answer", today, "Belum ada jam answer", "social", today))))
                .as("a clock the hand-off does not have yet").containsExactly("/deadline");

        var typed = new LinkedHashMap<String, Object>(decision("receive", today, "ok", "social", today));
        typed.put("dueDate", 20261215);
        typed.put("action", List.of("a"));
        assertThat(pointers(decide("coordinator", referral, typed))).containsExactly("/action", "/dueDate");
        typed.put("dueDate", "15-12-2026");
        typed.put("action", null);
        assertThat(pointers(decide("coordinator", referral, typed))).containsExactly("/action", "/dueDate");
    }

    @Test
    void refusesWhatIsNotAJsonObjectAsAWhole() {
        String path = "/api/v1/handoffs/" + id(referral) + "/decisions";
        for (String body : new String[] {"{", "[]", "\"receive\"", "{\"action\":\"a\",\"action\":\"b\"}", ""}) {
            var response = post("coordinator", path, body);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(pointers(response)).as(body).containsExactly("");
        }
    }

    @Test
    void anUnknownReferralIsNotFound() {
        var response = post("coordinator", "/api/v1/handoffs/" + UNKNOWN + "/decisions",
                "{\"deadline\":\"receive\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/v1/handoffs/" + UNKNOWN + "/decisions", String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void thePackRefusesABadDateOrFormat() {
        for (String query : new String[] {"", "date=2026-13-01", "date=15-12-2026", "date=2026-12-15&format=xlsx"}) {
            var response = http.withBasicAuth("coordinator", "demo")
                    .getForEntity("/api/v1/reports/meeting?" + query, JsonNode.class);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(pointers(response)).as(query)
                    .containsExactly(query.contains("xlsx") ? "/format" : "/date");
        }
    }

    @Test
    void agencyUsersMayNeitherExportThePackNorSeeOrRecordDecisions() {
        String decisions = "/api/v1/handoffs/" + id(referral) + "/decisions";
        for (String agency : new String[] {"police", "social", "health"}) {
            assertThat(http.withBasicAuth(agency, "demo")
                    .getForEntity("/api/v1/reports/meeting?date=" + today, byte[].class).getStatusCode().value())
                    .as(agency).isEqualTo(403);
            assertThat(http.withBasicAuth(agency, "demo")
                    .getForEntity("/api/v1/reports/meeting?date=" + today + "&format=csv", byte[].class)
                    .getStatusCode().value()).as(agency).isEqualTo(403);
            assertThat(http.withBasicAuth(agency, "demo").getForEntity(decisions, String.class)
                    .getStatusCode().value()).as(agency).isEqualTo(403);
            assertThat(decide(agency, referral, decision("receive", today, "Saya sendiri", "social", today))
                    .getStatusCode().value()).as(agency).isEqualTo(403);
        }
        assertThat(http.getForEntity("/api/v1/reports/meeting?date=" + today, byte[].class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "demo")
                .getForEntity("/api/v1/reports/meeting?date=" + today, byte[].class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from meeting_decision where referral_id = cast(:id as uuid)")
                .param("id", id(referral)).query(Long.class).single()).as("nothing recorded").isZero();
    }

    private static List<String> pointers(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        response.getBody().get("errors").forEach(e -> {
            assertThat(e.get("message").asText()).isNotBlank();
            pointers.add(e.get("pointer").asText());
        });
        return pointers;
    }
}
