package org.rujuk.hub.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.hub.deadline.ClockCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The coordination meeting end to end: hand-offs made stuck by moving the hub's clock and running the watchdog, the
 * pack as CSV and PDF, decisions recorded through the API, kept or not at the next meeting, and an unkept decision
 * escalated like any other clock.
 */
class MeetingPackTest extends MeetingTestSupport {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Autowired
    MeetingPacks packs;

    @Autowired
    ContractValidator contract;

    @Test
    void aStuckHandoffIsOnTheAgendaOfTheAgencyThatMustActWithItsCaseRefAndLegalSource() throws Exception {
        ObjectNode litmas = referral("police", "social");
        litmas.put("caseRef", caseRef());
        litmas.put("childRole", "in_conflict_with_law");
        litmas.put("category", "theft");
        litmas.putArray("servicesRequested").add("social_research_report");
        var legal = litmas.putObject("legal");
        legal.put("stage", "investigation");
        legal.put("stageStartedAt", clock.instant().toString());
        legal.put("detained", false);
        submit(litmas);
        ObjectNode routine = submitted("social", "health", "routine");

        clock.advance(Duration.ofHours(73));
        watchdog.runOnce();
        LocalDate meeting = today().plusDays(1);

        var csv = csv(meeting);
        assertThat(csv.get(0)).isEqualTo(MeetingPackCsv.HEADER);
        // Grouped: each agency's rows together, agencies in configuration order (police, social, health, education).
        var runs = new ArrayList<String>();
        csv.subList(1, csv.size()).forEach(row -> {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(row.get(2))) {
                runs.add(row.get(2));
            }
        });
        var configured = properties.agencies().stream().map(a -> a.code()).toList();
        assertThat(runs).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> configured.indexOf(a) - configured.indexOf(b));

        var litmasRows = rowsOf(csv, litmas);
        assertThat(litmasRows).extracting(row -> row.get("Kode tenggat"))
                .as("the legal clock first, though the operational one is at level 2")
                .containsExactly("litmas_delivery", "receive");
        assertThat(litmasRows.get(0))
                .containsEntry("Tanggal rapat", meeting.toString())
                .containsEntry("Kode instansi", "social")
                .containsEntry("Instansi yang harus bertindak", "Dinas Sosial Kota Metro")
                .containsEntry("Nomor perkara", litmas.get("caseRef").asText())
                .containsEntry("Dari", "police")
                .containsEntry("Ke", "social")
                .containsEntry("Status", "dikirim")
                .containsEntry("Dasar hukum", "PP 65/2015; UU 11/2012 (SPPA) pasal 28")
                .containsEntry("Hari terlambat", "0")
                .containsEntry("Level", "1")
                .containsEntry("Keputusan rapat sebelumnya", "");
        assertThat(litmasRows.get(1)).containsEntry("Dasar hukum", "").containsEntry("Hari terlambat", "2")
                .containsEntry("Level", "2").containsEntry("Tenggat", "Diterima sistem (received)");
        assertThat(rowsOf(csv, routine)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("Kode instansi", "health").containsEntry("Kode tenggat", "receive")
                .containsEntry("Nomor perkara", routine.get("caseRef").asText()));

        var response = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/v1/reports/meeting?date=" + meeting, byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("rapat-koordinasi-" + meeting + ".pdf");
        String text = pdfText(response.getBody());
        String generated = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", INDONESIAN)
                .format(clock.instant().atZone(display.timeZone()));
        assertThat(text).contains("Agenda Rapat Koordinasi Perlindungan Anak",
                DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN).format(meeting),
                "Dibuat " + generated + " WIB", "Halaman 1 dari ", "Dinas Sosial Kota Metro (social)",
                "Dinas Kesehatan Kota Metro (health)", litmas.get("caseRef").asText(), id(litmas),
                "PP 65/2015; UU 11/2012 (SPPA) pasal 28", "police → social");
        assertThat(text).doesNotContain(litmas.get("summary").asText().substring(0, 30));
        assertThat(text.indexOf(id(litmas))).as("social's group before health's")
                .isLessThan(text.indexOf(id(routine)));
    }

    @Test
    void aDecisionIsInTheLedgerViewAndTheNextPackSaysWhetherItWasKept() throws Exception {
        ObjectNode movesOn = submitted("police", "social", "urgent");
        ObjectNode staysStuck = submitted("police", "health", "urgent");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        watchdog.runOnce();
        LocalDate meeting = today();
        LocalDate due = meeting.plusDays(2);

        var keptResponse = decide("coordinator", movesOn, decision("receive", meeting,
                "Dinas Sosial memeriksa sistemnya dan melaporkan rujukan diterima", "social", due));
        assertThat(keptResponse.getStatusCode().value()).isEqualTo(201);
        JsonNode kept = keptResponse.getBody();
        assertThat(kept.get("clock").asText()).isEqualTo("decision_" + kept.get("id").asLong());
        assertThat(kept.get("referralId").asText()).isEqualTo(id(movesOn));
        assertThat(kept.get("deadline").asText()).isEqualTo("receive");
        assertThat(kept.get("meetingDate").asText()).isEqualTo(meeting.toString());
        assertThat(kept.get("dueDate").asText()).isEqualTo(due.toString());
        assertThat(OffsetDateTime.parse(kept.get("dueAt").asText()).toInstant())
                .as("the end of the due date in Asia/Jakarta")
                .isEqualTo(due.plusDays(1).atStartOfDay(display.timeZone()).toInstant());
        assertThat(kept.get("decidedBy").asText()).isEqualTo("coordinator");
        assertThat(kept.get("status").asText()).isEqualTo("open");
        assertThat(kept.get("kept").isNull()).isTrue();
        JsonNode notKept = decide("admin", staysStuck, decision("receive", meeting,
                "Dinas Kesehatan menindaklanjuti rujukan", "health", due)).getBody();

        JsonNode view = ledgerView(movesOn);
        assertThat(view.get("decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("id").asLong()).isEqualTo(kept.get("id").asLong());
            assertThat(d.get("action").asText()).startsWith("Dinas Sosial memeriksa");
            assertThat(d.get("status").asText()).isEqualTo("open");
        });
        JsonNode decisionClock = clockNamed(view, kept.get("clock").asText());
        assertThat(decisionClock.get("label").asText()).isEqualTo(ClockCatalog.DECISION_LABEL);
        assertThat(decisionClock.get("source").isNull()).isTrue();
        assertThat(decisionClock.get("mustAct").asText()).isEqualTo("social");
        assertThat(decisionClock.get("status").asText()).isEqualTo("running");
        assertThat(http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/handoffs/" + id(movesOn) + "/decisions", JsonNode.class))
                .extracting(d -> d.get("id").asLong()).containsExactly(kept.get("id").asLong());

        try (var social = agency("social"); var police = agency("police")) {
            social.sendText(statusIn(), status(movesOn, "social", "received").toString());
            assertThat(police.receive(inbox("police"), selectorFor(movesOn) + " AND rujukType = 'status'", WAIT))
                    .isNotNull();
        }
        view = ledgerView(movesOn);
        assertThat(clockNamed(view, kept.get("clock").asText()).get("status").asText())
                .as("met with the clock it was about").isEqualTo("met");
        assertThat(view.get("decisions").get(0).get("kept").asBoolean()).isTrue();
        assertThat(view.get("decisions").get(0).get("status").asText()).isEqualTo("kept");

        clock.advance(Duration.ofDays(3));
        watchdog.runOnce();
        LocalDate nextMeeting = today();

        var pack = packs.build(nextMeeting);
        assertThat(pack.previousMeeting()).isEqualTo(meeting);
        Map<UUID, MeetingPack.PastDecision> previous = new java.util.HashMap<>();
        pack.previousDecisions().forEach(p -> previous.put(p.decision().referralId(), p));
        assertThat(previous.get(UUID.fromString(id(movesOn))).kept()).isEqualTo(Kept.KEPT);
        assertThat(previous.get(UUID.fromString(id(staysStuck))).kept()).isEqualTo(Kept.NOT_KEPT);
        assertThat(previous.get(UUID.fromString(id(staysStuck))).stillStuck()).isTrue();

        var csv = csv(nextMeeting);
        var stuckRows = rowsOf(csv, staysStuck);
        assertThat(stuckRows).extracting(row -> row.get("Kode tenggat"))
                .containsExactlyInAnyOrder("receive", notKept.get("clock").asText());
        assertThat(stuckRows).allSatisfy(row -> assertThat(row)
                .containsEntry("Kode instansi", "health")
                .containsEntry("Keputusan rapat sebelumnya", "Dinas Kesehatan menindaklanjuti rujukan")
                .containsEntry("Tanggal rapat keputusan", meeting.toString())
                .containsEntry("Penanggung jawab", "health")
                .containsEntry("Batas waktu", due.toString())
                .containsEntry("Hasil keputusan", "tidak ditepati"));
        assertThat(stuckRows).filteredOn(row -> row.get("Kode tenggat").startsWith("decision_")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("Tenggat", ClockCatalog.DECISION_LABEL)
                        .containsEntry("Dasar hukum", ""));
        assertThat(rowsOf(csv, movesOn)).as("now stuck on its answer; last meeting's decision was kept")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("Kode tenggat", "answer")
                        .containsEntry("Hasil keputusan", "ditepati"));

        String text = pdfText(http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/reports/meeting?date=" + nextMeeting + "&format=pdf", byte[].class));
        assertThat(text).contains("B. Keputusan rapat sebelumnya ("
                + DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN).format(meeting) + ")",
                movesOn.get("caseRef").asText(), staysStuck.get("caseRef").asText(), "tidak ditepati");

        assertThat(ledgerView(staysStuck).get("decisions").get(0).get("kept").asBoolean()).isFalse();
        assertThat(ledgerView(staysStuck).get("decisions").get(0).get("status").asText()).isEqualTo("not_kept");
    }

    @Test
    void anUnkeptDecisionIsEscalatedToTheResponsibleAgencyLikeAnyOtherClock() throws Exception {
        ObjectNode referral = submitted("police", "social", "urgent");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        watchdog.runOnce();
        LocalDate meeting = today();
        JsonNode decision = decide("coordinator", referral, decision("receive", meeting,
                "Dinas Pendidikan memastikan anak tetap bersekolah", "education", meeting)).getBody();
        String decisionClock = decision.get("clock").asText();
        var dueAt = OffsetDateTime.parse(decision.get("dueAt").asText()).toInstant();
        clock.advance(Duration.between(clock.instant(), dueAt).plusMinutes(1));

        try (var education = agency("education")) {
            watchdog.runOnce();
            JsonNode reminder = read(education.receive(inbox("education"),
                    selectorFor(referral) + " AND rujukType = 'reminder'", WAIT));
            assertThat(contract.validate(MessageType.REMINDER, reminder)).isEmpty();
            assertThat(reminder.get("deadline").asText()).isEqualTo(decisionClock);
            assertThat(reminder.get("mustAct").asText()).isEqualTo("education");
            assertThat(reminder.get("copy").asBoolean()).isFalse();
            assertThat(reminder.get("level").asInt()).isEqualTo(1);
            assertThat(reminder.get("label").asText()).isEqualTo(ClockCatalog.DECISION_LABEL);
            assertThat(reminder.has("source")).isFalse();
            assertThat(reminder.toString()).doesNotContain("bersekolah");
        }
        JsonNode stuck = http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/handoffs/stuck?agency=education&deadline=" + decisionClock, JsonNode.class);
        assertThat(stuck).extracting(s -> s.get("referralId").asText()).containsExactly(id(referral));
        JsonNode view = ledgerView(referral);
        assertThat(clockNamed(view, decisionClock).get("status").asText()).isEqualTo("stuck");
        assertThat(view.get("decisions").get(0).get("status").asText()).isEqualTo("not_kept");
    }

    @Test
    void aDecisionIsKeptWhenTheHandoffEndsBeforeItsDueDate() throws Exception {
        ObjectNode referral = submitted("police", "social", "urgent");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        watchdog.runOnce();
        JsonNode decision = decide("coordinator", referral, decision("receive", today(),
                "Kepolisian menilai apakah rujukan masih diperlukan", "police", today().plusDays(7))).getBody();
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(statusIn(), status(referral, "police", "withdrawn").toString());
            assertThat(social.receive(inbox("social"), selectorFor(referral) + " AND rujukType = 'status'", WAIT))
                    .isNotNull();
        }
        JsonNode view = ledgerView(referral);
        assertThat(view.get("decisions").get(0).get("status").asText()).isEqualTo("kept");
        assertThat(view.get("deadlineHistory")).extracting(e -> e.get("deadline").asText() + ":"
                + e.get("kind").asText()).contains("receive:stopped", decision.get("clock").asText() + ":stopped");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(Math.round(Math.min(box.getWidth(), box.getHeight()))).as("A4").isEqualTo(595);
            assertThat(Math.round(Math.max(box.getWidth(), box.getHeight()))).as("A4").isEqualTo(842);
            var pages = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).contains("Halaman " + page + " dari " + document.getNumberOfPages());
                pages.add(text);
            }
            return String.join("\n", pages).replaceAll("\\s+", " ");
        }
    }

    private static JsonNode clockNamed(JsonNode view, String deadline) {
        for (JsonNode clock : view.get("clocks")) {
            if (clock.get("deadline").asText().equals(deadline)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + deadline + " in " + view.get("clocks"));
    }
}
