package org.rujuk.hub.dashboard;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.rujuk.hub.config.DisplayProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats times, durations and numbers for the page's language and the configured time zone; templates call it
 * as {@code @display}.
 */
@Component("display")
public class Display {

    private final DisplayProperties properties;
    private final MessageSource messages;

    Display(DisplayProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    public String time(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .format(time.atZoneSameInstant(properties.timeZone()));
    }

    public String day(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(day);
    }

    /** "3 hari 4 jam" / "3 days 4 hours"; minutes only under an hour. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        var locale = LocaleContextHolder.getLocale();
        if (days > 0) {
            return messages.getMessage("duration.days-hours", new Object[] {days, hours}, locale);
        }
        if (hours > 0) {
            return messages.getMessage("duration.hours-minutes", new Object[] {hours, minutes}, locale);
        }
        return messages.getMessage("duration.minutes", new Object[] {minutes}, locale);
    }

    public String number(Number number) {
        return number == null ? "" : NumberFormat.getInstance(LocaleContextHolder.getLocale()).format(number);
    }

    public String percent(Double share) {
        return share == null ? "–" : NumberFormat.getPercentInstance(LocaleContextHolder.getLocale()).format(share);
    }
}
