package org.rujuk.hub.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.meeting.MeetingPack.AgencyGroup;
import org.rujuk.hub.meeting.MeetingPack.AgendaItem;
import org.rujuk.hub.meeting.MeetingPack.PastDecision;

/** The pack's renderers on a pack built by hand: page numbers on every page of a long pack, A4, CSV cells. */
class MeetingPackRenderingTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DisplayProperties DISPLAY = new DisplayProperties(JAKARTA, Locale.forLanguageTag("id"));
    private static final LocalDate MEETING = LocalDate.of(2026, 12, 15);
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-14T03:05:00Z");

    @Test
    void everyPageOfALongPackIsA4AndNumberedHalamanXDariY() throws Exception {
        byte[] pdf = new MeetingPackPdf(DISPLAY).render(pack(120));
        if (System.getProperty("rujuk.meeting.pdf-out") != null) {
            Files.write(Path.of(System.getProperty("rujuk.meeting.pdf-out")), pdf);
        }
        try (var document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                var box = document.getPage(page - 1).getMediaBox();
                assertThat(List.of(Math.round(Math.min(box.getWidth(), box.getHeight())),
                        Math.round(Math.max(box.getWidth(), box.getHeight())))).containsExactly(595, 842);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("Halaman " + page + " dari " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            assertThat(first).contains("Agenda Rapat Koordinasi Perlindungan Anak", "Selasa, 15 Desember 2026",
                    "Dibuat 14 Desember 2026 10.05 WIB", "Dinas Sosial Kota Metro (social)", "LP/B/1000/XII/2026");
        }
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(MeetingPackCsv.escape("plain")).isEqualTo("plain");
        assertThat(MeetingPackCsv.escape("a, b")).isEqualTo("\"a, b\"");
        assertThat(MeetingPackCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MeetingPackCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(MeetingPackCsv.escape("-1")).isEqualTo("'-1");
        assertThat(MeetingPackCsv.escape("two\nlines")).isEqualTo("\"two\nlines\"");

        String csv = new String(new MeetingPackCsv(DISPLAY).render(pack(2)), StandardCharsets.UTF_8);
        var lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", MeetingPackCsv.HEADER));
        assertThat(lines[1]).startsWith("2026-12-15,Dinas Sosial Kota Metro,social,LP/B/1000/XII/2026,");
    }

    @Test
    void legalClocksComeFirstThenLevelTwoThenTheLongestLate() {
        var items = new ArrayList<>(List.of(
                item(1, "receive", null, 2, 10),
                item(2, "answer", null, 1, 30),
                item(3, "litmas_delivery", "PP 65/2015", 1, 2),
                item(4, "detention_investigation", "UU 11/2012 (SPPA) pasal 33", 2, 1),
                item(5, "progress", null, 1, 40)));
        items.sort(MeetingPacks.URGENT_FIRST);
        assertThat(items).extracting(AgendaItem::deadline).containsExactly("detention_investigation",
                "litmas_delivery", "receive", "progress", "answer");
    }

    private static MeetingPack pack(int items) {
        var previous = new PastDecision(new MeetingDecision(7, UUID.randomUUID(), "receive",
                MEETING.minusDays(28), "Dinas Sosial memastikan rujukan diterima; \"kunjungan\" minggu ini",
                "social", MEETING.minusDays(21), NOW.minusDays(20), "coordinator", NOW.minusDays(28), null),
                Kept.NOT_KEPT, "LP/B/1000/XII/2026", "police", "social", "submitted", "Diterima sistem (received)",
                true);
        var social = new ArrayList<AgendaItem>();
        var health = new ArrayList<AgendaItem>();
        for (int i = 0; i < items; i++) {
            var item = new AgendaItem("LP/B/" + (1000 + i) + "/XII/2026", UUID.randomUUID(), "police",
                    i % 2 == 0 ? "social" : "health", i % 2 == 0 ? "social" : "health", "submitted", "urgent",
                    i % 3 == 0 ? "litmas_delivery" : "receive",
                    i % 3 == 0 ? "Bapas menyerahkan litmas / pekerja sosial menyerahkan laporan sosial"
                            : "Diterima sistem (received)",
                    i % 3 == 0 ? "PP 65/2015; UU 11/2012 (SPPA) pasal 28" : null, NOW.minusDays(i),
                    Duration.ofDays(i), 1 + i % 2, i == 0 ? previous : null);
            (i % 2 == 0 ? social : health).add(item);
        }
        var groups = new ArrayList<AgencyGroup>();
        if (!social.isEmpty()) {
            groups.add(new AgencyGroup("social", "Dinas Sosial Kota Metro", social));
        }
        if (!health.isEmpty()) {
            groups.add(new AgencyGroup("health", "Dinas Kesehatan Kota Metro", health));
        }
        return new MeetingPack(MEETING, NOW, MEETING.minusDays(28), groups, List.of(previous));
    }

    private static AgendaItem item(int n, String deadline, String source, int level, int daysLate) {
        return new AgendaItem("C" + n, new UUID(0, n), "police", "social", "social", "submitted", "urgent",
                deadline, deadline, source, NOW.minus(Duration.ofDays(daysLate)), Duration.ofDays(daysLate), level,
                null);
    }
}
