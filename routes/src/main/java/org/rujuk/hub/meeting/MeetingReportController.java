package org.rujuk.hub.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordination-meeting pack for a meeting date, for coordinators and administrators (the path is theirs only):
 * {@code GET /api/v1/reports/meeting?date=YYYY-MM-DD&format=pdf|csv} (PDF by default), and the same from the
 * dashboard at {@code /meeting/pack}. A missing or bad date or
 * format is 400 with {@code errors[]}; the pointers name the query parameter.
 */
@RestController
class MeetingReportController {

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final MeetingPacks packs;
    private final MeetingPackPdf pdf;
    private final MeetingPackCsv csv;
    private final AuditTrail audit;

    MeetingReportController(MeetingPacks packs, MeetingPackPdf pdf, MeetingPackCsv csv, AuditTrail audit) {
        this.audit = audit;
        this.packs = packs;
        this.pdf = pdf;
        this.csv = csv;
    }

    /** The API's path (HTTP Basic) and the dashboard's (its session), both for coordinators and administrators. */
    @GetMapping({"/api/v1/reports/meeting", "/meeting/pack"})
    ResponseEntity<?> meeting(@RequestParam(required = false) String date,
            @RequestParam(defaultValue = "pdf") String format, Authentication caller) {
        LocalDate meetingDate = parse(date);
        if (meetingDate == null) {
            return MeetingApi.badRequest("/date", "must be the meeting date, YYYY-MM-DD");
        }
        if (!format.equals("pdf") && !format.equals("csv")) {
            return MeetingApi.badRequest("/format", "must be pdf or csv");
        }
        var pack = packs.build(meetingDate);
        // One entry per referral the pack names (stuck now, or decided on at the previous meeting), before it is
        // handed out: a breach of the pack is then answerable referral by referral.
        audit.accessed(caller.getName(), AuditAction.MEETING_PACK_EXPORTED, pack.referralIds(),
                "meeting=" + meetingDate + " format=" + format);
        String name = "rapat-koordinasi-" + meetingDate + "." + format;
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                            .toString())
                    .body(csv.render(pack));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // Inline: a browser shows it, ready to print; the name is kept when saved.
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build()
                        .toString())
                .body(pdf.render(pack));
    }

    private static LocalDate parse(String date) {
        if (date == null || !DATE.matcher(date).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
