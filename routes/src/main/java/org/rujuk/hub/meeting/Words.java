package org.rujuk.hub.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The pack's words and dates in Bahasa Indonesia (DOMAIN.md's vocabulary), times in the display time zone. */
final class Words {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private static final Map<String, String> STATES = Map.of(
            "submitted", "dikirim",
            "received", "diterima sistem",
            "accepted", "diterima",
            "declined", "ditolak",
            "in_progress", "dalam penanganan",
            "completed", "selesai",
            "withdrawn", "ditarik");

    private static final Map<String, String> PRIORITIES = Map.of(
            "emergency", "darurat",
            "urgent", "mendesak",
            "routine", "biasa");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm z", INDONESIAN);
    private static final DateTimeFormatter SHORT_MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", INDONESIAN);

    private Words() {
    }

    static String state(String wire) {
        return STATES.getOrDefault(wire, wire);
    }

    static String priority(String wire) {
        return PRIORITIES.getOrDefault(wire, wire);
    }

    /** "15 Desember 2026". */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "Selasa, 15 Desember 2026". */
    static String weekday(LocalDate date) {
        return WEEKDAY.format(date);
    }

    /** "28 November 2026 10.38 WIB". */
    static String moment(OffsetDateTime time, ZoneId zone) {
        return MOMENT.format(time.atZoneSameInstant(zone));
    }

    /** "28 Nov 2026 10.38", in the display time zone. */
    static String shortMoment(OffsetDateTime time, ZoneId zone) {
        return SHORT_MOMENT.format(time.atZoneSameInstant(zone));
    }
}
