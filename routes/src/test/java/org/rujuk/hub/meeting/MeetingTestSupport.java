package org.rujuk.hub.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.HubIntegrationTest;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.watchdog.Watchdog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the meeting tests share: hand-offs made stuck by moving the clock, the decisions API, the pack as CSV. */
abstract class MeetingTestSupport extends HubIntegrationTest {

    static final long WAIT = 10_000;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Watchdog watchdog;

    @Autowired
    DisplayProperties display;

    @BeforeEach
    void forgetOtherTestsClocks() {
        // Other test classes leave hand-offs behind in the shared ledger; their clocks are not this test's business.
        jdbc.sql("update handoff_clock set next_escalation_at = null, stuck_since = null").update();
    }

    /** Today in the display time zone, by the hub's clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), display.timeZone());
    }

    /** A referral with its own case reference, submitted and acknowledged. */
    ObjectNode submitted(String from, String to, String priority) throws Exception {
        ObjectNode referral = referral(from, to);
        referral.put("priority", priority);
        referral.put("category", "neglect");
        referral.put("caseRef", caseRef());
        submit(referral);
        return referral;
    }

    void submit(ObjectNode referral) throws Exception {
        String from = referral.get("from").asText();
        try (var sender = agency(from)) {
            sender.sendText(referralsIn(), referral.toString());
            assertThat(sender.receive(inbox(from), selectorFor(referral), WAIT)).isNotNull();
        }
    }

    static String caseRef() {
        return "LP/B/" + ThreadLocalRandom.current().nextInt(10_000, 100_000) + "/XI/2026/Polres Metro";
    }

    ResponseEntity<JsonNode> decide(String user, JsonNode referral, Map<String, ?> decision) {
        return post(user, "/api/v1/handoffs/" + id(referral) + "/decisions",
                ContractJson.mapper().valueToTree(decision).toString());
    }

    ResponseEntity<JsonNode> post(String user, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static Map<String, Object> decision(String deadline, LocalDate meeting, String action, String agency,
            LocalDate due) {
        var decision = new LinkedHashMap<String, Object>();
        decision.put("deadline", deadline);
        decision.put("meetingDate", meeting.toString());
        decision.put("action", action);
        decision.put("responsibleAgency", agency);
        decision.put("dueDate", due.toString());
        return decision;
    }

    JsonNode ledgerView(JsonNode referral) {
        return http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/referrals/" + id(referral), JsonNode.class);
    }

    /** The pack's CSV rows (header first), read as a spreadsheet would. */
    List<List<String>> csv(LocalDate date) {
        var response = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/v1/reports/meeting?date=" + date + "&format=csv", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("rapat-koordinasi-" + date + ".csv");
        return parseCsv(new String(response.getBody(), StandardCharsets.UTF_8));
    }

    static List<List<String>> parseCsv(String text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    /** The CSV rows of one referral, as maps from the header's names. */
    static List<Map<String, String>> rowsOf(List<List<String>> csv, JsonNode referral) {
        var header = csv.get(0);
        var rows = new ArrayList<Map<String, String>>();
        for (var row : csv.subList(1, csv.size())) {
            assertThat(row).hasSameSizeAs(header);
            var named = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), row.get(i));
            }
            if (named.get("ID rujukan").equals(id(referral))) {
                rows.add(named);
            }
        }
        return rows;
    }

    static String id(JsonNode referral) {
        return referral.get("referralId").asText();
    }
}
