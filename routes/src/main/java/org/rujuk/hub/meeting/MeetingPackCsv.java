package org.rujuk.hub.meeting;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.meeting.MeetingPack.AgencyGroup;
import org.rujuk.hub.meeting.MeetingPack.AgendaItem;
import org.springframework.stereotype.Component;

/**
 * The meeting pack's agenda as CSV (RFC 4180, UTF-8, CRLF), one row per stuck clock in the pack's order, for
 * coordinators who keep a spreadsheet. Times are ISO-8601 in the display time zone. A cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '}.
 */
@Component
class MeetingPackCsv {

    static final List<String> HEADER = List.of(
            "Tanggal rapat", "Instansi yang harus bertindak", "Kode instansi", "Nomor perkara", "ID rujukan",
            "Dari", "Ke", "Status", "Prioritas", "Kode tenggat", "Tenggat", "Dasar hukum", "Jatuh tempo",
            "Hari terlambat", "Level", "Keputusan rapat sebelumnya", "Tanggal rapat keputusan",
            "Penanggung jawab", "Batas waktu", "Hasil keputusan");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    MeetingPackCsv(DisplayProperties display) {
        this.zone = display.timeZone();
    }

    byte[] render(MeetingPack pack) {
        var out = new StringBuilder();
        line(out, HEADER);
        for (AgencyGroup group : pack.groups()) {
            for (AgendaItem item : group.items()) {
                var row = new ArrayList<String>(List.of(
                        pack.date().toString(), group.name(), group.agency(), item.caseRef(),
                        item.referralId().toString(), item.from(), item.to(), Words.state(item.state()),
                        Words.priority(item.priority()), item.deadline(), item.label(),
                        item.source() == null ? "" : item.source(),
                        LOCAL_TIME.format(item.dueAt().atZoneSameInstant(zone).toOffsetDateTime()),
                        String.valueOf(item.daysLate()), String.valueOf(item.level())));
                var past = item.previousDecision();
                if (past == null) {
                    row.addAll(List.of("", "", "", "", ""));
                } else {
                    var decision = past.decision();
                    row.addAll(List.of(decision.action(), decision.meetingDate().toString(),
                            decision.responsibleAgency(), decision.dueDate().toString(), past.kept().indonesian()));
                }
                line(out, row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String escape(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
