package org.rujuk.hub.meeting;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.meeting.MeetingPack.AgencyGroup;
import org.rujuk.hub.meeting.MeetingPack.AgendaItem;
import org.rujuk.hub.meeting.MeetingPack.PastDecision;
import org.springframework.stereotype.Component;

/**
 * The meeting pack as a PDF to print and hand out: A4 landscape (the agenda has nine columns), Bahasa Indonesia,
 * the meeting date and the generated time (display time zone) at the top, "Halaman X dari Y" on every page. Table
 * headings repeat on each page.
 */
@Component
class MeetingPackPdf {

    static final String TITLE = "Agenda Rapat Koordinasi Perlindungan Anak";

    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color HEADING_FILL = new Color(0xE8, 0xEE, 0xF4);
    private static final Color GROUP_FILL = new Color(0x2F, 0x4B, 0x6E);
    private static final Color KEPT_COLOR = new Color(0x1B, 0x6E, 0x2E);
    private static final Color NOT_KEPT_COLOR = new Color(0xA3, 0x1B, 0x1B);

    private static final Font TITLE_FONT = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font SUBTITLE_FONT = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font SECTION_FONT = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font NOTE = new Font(Font.HELVETICA, 8, Font.ITALIC, MUTED);
    private static final Font CELL = new Font(Font.HELVETICA, 7.5f);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final Font CELL_MUTED = new Font(Font.HELVETICA, 6.5f, Font.NORMAL, MUTED);
    private static final Font HEAD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final Font GROUP = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);
    private static final Font FOOTER = new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED);

    private static final String[] AGENDA_HEADINGS = {"No", "Perkara (nomor pengirim) / ID rujukan", "Dari → ke",
        "Status", "Tenggat", "Dasar hukum", "Terlambat (hari)", "Level", "Keputusan rapat sebelumnya"};
    private static final float[] AGENDA_WIDTHS = {3, 20, 10, 8, 18, 13, 6, 4, 18};

    private static final String[] PREVIOUS_HEADINGS = {"No", "Perkara (nomor pengirim) / ID rujukan", "Dari → ke",
        "Status kini", "Tenggat yang dibahas", "Keputusan", "Penanggung jawab", "Batas waktu", "Hasil",
        "Masih macet"};
    private static final float[] PREVIOUS_WIDTHS = {3, 19, 9, 8, 14, 20, 8, 8, 6, 5};

    private final ZoneId zone;

    MeetingPackPdf(DisplayProperties display) {
        this.zone = display.timeZone();
    }

    byte[] render(MeetingPack pack) {
        // Laid out twice: the first pass counts the pages for "Halaman X dari Y"; the footer sits in the margin,
        // so both passes break pages in the same places.
        var counting = new Footer(pack, 0);
        layOut(pack, counting);
        var footer = new Footer(pack, counting.pages);
        return layOut(pack, footer);
    }

    /** Writes the footer on every page: the title and meeting date left, "Halaman X dari Y" right. */
    private static final class Footer extends PdfPageEventHelper {

        private final String left;
        private final int total;
        private int pages;

        Footer(MeetingPack pack, int total) {
            this.left = TITLE + " — " + Words.day(pack.date());
            this.total = total;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            var canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, FOOTER), document.left(), 24, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase("Halaman " + pages + " dari " + total, FOOTER), document.right(), 24, 0);
        }
    }

    private byte[] layOut(MeetingPack pack, Footer footer) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 50);
        var writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(footer);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("id-ID"));
        document.addTitle(TITLE + " " + Words.day(pack.date()));
        document.addSubject("Rujukan yang macet dan keputusan rapat sebelumnya");
        document.addCreator("Rujuk");
        document.open();
        // The hub's clock, not the machine's: the same "now" as the text says.
        var created = new PdfDate(GregorianCalendar.from(pack.generatedAt().atZoneSameInstant(zone)));
        writer.getInfo().put(PdfName.CREATIONDATE, created);
        writer.getInfo().put(PdfName.MODDATE, created);

        document.add(new Paragraph(TITLE, TITLE_FONT));
        document.add(new Paragraph("Rapat koordinasi: " + Words.weekday(pack.date()), SUBTITLE_FONT));
        document.add(new Paragraph("Dibuat " + Words.moment(pack.generatedAt(), zone), TEXT));
        document.add(new Paragraph(pack.previousMeeting() == null
                ? "Belum ada keputusan rapat sebelumnya yang tercatat."
                : "Rapat sebelumnya: " + Words.weekday(pack.previousMeeting()) + " ("
                        + pack.previousDecisions().size() + " keputusan).", TEXT));
        var note = new Paragraph("Rahasia. Hanya metadata rujukan; identitas anak tidak dicantumkan "
                + "(UU 11/2012 (SPPA) pasal 19). Waktu dalam zona " + zone + ".", NOTE);
        note.setSpacingAfter(8);
        document.add(note);

        document.add(section("A. Rujukan yang macet"));
        if (pack.groups().isEmpty()) {
            document.add(new Paragraph("Tidak ada rujukan yang macet saat ini.", TEXT));
        } else {
            document.add(new Paragraph(pack.itemCount() + " tenggat macet pada " + pack.referralCount()
                    + " rujukan, dikelompokkan menurut instansi yang harus bertindak. Dalam tiap kelompok: tenggat"
                    + " hukum lebih dulu, lalu level 2 sebelum level 1, lalu yang paling lama terlambat.", TEXT));
            for (AgencyGroup group : pack.groups()) {
                document.add(agendaTable(group));
            }
        }

        document.add(section(pack.previousMeeting() == null ? "B. Keputusan rapat sebelumnya"
                : "B. Keputusan rapat sebelumnya (" + Words.day(pack.previousMeeting()) + ")"));
        if (pack.previousDecisions().isEmpty()) {
            document.add(new Paragraph("Tidak ada keputusan rapat sebelumnya.", TEXT));
        } else {
            document.add(new Paragraph("Ditepati: tenggat yang dibahas terpenuhi (atau rujukan berakhir) paling lambat"
                    + " pada akhir batas waktu.", TEXT));
            document.add(previousTable(pack.previousDecisions()));
        }
        document.close();
        return out.toByteArray();
    }

    private static Paragraph section(String title) {
        var paragraph = new Paragraph(title, SECTION_FONT);
        paragraph.setSpacingBefore(10);
        paragraph.setSpacingAfter(4);
        return paragraph;
    }

    private PdfPTable agendaTable(AgencyGroup group) {
        var table = table(AGENDA_WIDTHS);
        var title = new PdfPCell(new Phrase(group.name() + " (" + group.agency() + ") — " + group.items().size()
                + " tenggat macet", GROUP));
        title.setColspan(AGENDA_WIDTHS.length);
        title.setBackgroundColor(GROUP_FILL);
        title.setPadding(4);
        table.addCell(title);
        headings(table, AGENDA_HEADINGS);
        table.setHeaderRows(2);
        int number = 1;
        for (AgendaItem item : group.items()) {
            table.addCell(cell(String.valueOf(number++)));
            table.addCell(caseCell(item.caseRef(), item.referralId().toString()));
            table.addCell(route(item.from(), item.to()));
            table.addCell(cell(Words.state(item.state())));
            var deadline = new Phrase();
            deadline.add(new Chunk(item.label(), CELL));
            deadline.add(new Chunk("\nJatuh tempo " + Words.shortMoment(item.dueAt(), zone), CELL_MUTED));
            table.addCell(padded(new PdfPCell(deadline)));
            table.addCell(cell(item.source() == null ? "—" : item.source()));
            table.addCell(numberCell(String.valueOf(item.daysLate())));
            table.addCell(numberCell(String.valueOf(item.level())));
            table.addCell(item.previousDecision() == null ? cell("—") : decisionCell(item.previousDecision()));
        }
        table.setSpacingBefore(6);
        return table;
    }

    private PdfPTable previousTable(List<PastDecision> decisions) {
        var table = table(PREVIOUS_WIDTHS);
        headings(table, PREVIOUS_HEADINGS);
        table.setHeaderRows(1);
        int number = 1;
        for (PastDecision past : decisions) {
            var decision = past.decision();
            table.addCell(cell(String.valueOf(number++)));
            table.addCell(caseCell(past.caseRef(), decision.referralId().toString()));
            table.addCell(route(past.from(), past.to()));
            table.addCell(cell(Words.state(past.state())));
            table.addCell(cell(past.deadlineLabel()));
            table.addCell(cell(decision.action()));
            table.addCell(cell(decision.responsibleAgency()));
            table.addCell(cell(Words.day(decision.dueDate())));
            table.addCell(padded(new PdfPCell(new Phrase(past.kept().indonesian(), keptFont(past.kept())))));
            table.addCell(cell(past.stillStuck() ? "ya" : "tidak"));
        }
        table.setSpacingBefore(6);
        return table;
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static void headings(PdfPTable table, String[] headings) {
        for (String heading : headings) {
            int arrow = heading.indexOf(" → ");
            var cell = arrow < 0 ? new PdfPCell(new Phrase(heading, HEAD))
                    : arrowed(heading.substring(0, arrow), heading.substring(arrow + 3), HEAD);
            cell.setBackgroundColor(HEADING_FILL);
            table.addCell(padded(cell));
        }
    }

    private PdfPCell decisionCell(PastDecision past) {
        var decision = past.decision();
        var phrase = new Phrase();
        phrase.add(new Chunk(decision.action(), CELL));
        phrase.add(new Chunk("\n" + Words.day(decision.meetingDate()) + "; penanggung jawab "
                + decision.responsibleAgency() + "; batas " + Words.day(decision.dueDate()), CELL_MUTED));
        phrase.add(new Chunk("\n" + past.kept().indonesian(), keptFont(past.kept())));
        return padded(new PdfPCell(phrase));
    }

    private static Font keptFont(Kept kept) {
        return new Font(Font.HELVETICA, 7.5f, Font.BOLD,
                kept == Kept.KEPT ? KEPT_COLOR : kept == Kept.NOT_KEPT ? NOT_KEPT_COLOR : MUTED);
    }

    private static PdfPCell caseCell(String caseRef, String referralId) {
        var phrase = new Phrase();
        phrase.add(new Chunk(caseRef, CELL_BOLD));
        phrase.add(new Chunk("\n" + referralId, CELL_MUTED));
        return padded(new PdfPCell(phrase));
    }

    private static PdfPCell route(String from, String to) {
        return arrowed(from, to, CELL);
    }

    /** "before → after": the arrow in the Symbol font, which has the glyph Helvetica's encoding lacks. */
    private static PdfPCell arrowed(String before, String after, Font font) {
        var phrase = new Phrase();
        phrase.add(new Chunk(before + " ", font));
        phrase.add(new Chunk("→", new Font(Font.SYMBOL, font.getSize())));
        phrase.add(new Chunk(" " + after, font));
        return padded(new PdfPCell(phrase));
    }

    private static PdfPCell cell(String text) {
        return padded(new PdfPCell(new Phrase(text, CELL)));
    }

    private static PdfPCell numberCell(String text) {
        var cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell padded(PdfPCell cell) {
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }
}
