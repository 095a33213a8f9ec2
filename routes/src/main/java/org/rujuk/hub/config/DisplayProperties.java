package org.rujuk.hub.config;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people see times and words: the time zone the dashboard and reports show (the hub itself records UTC), and
 * the default language (Bahasa Indonesia; English on request).
 */
@Validated
@ConfigurationProperties("rujuk.display")
public record DisplayProperties(
        @DefaultValue("Asia/Jakarta") @NotNull ZoneId timeZone,
        @DefaultValue("id") @NotNull Locale defaultLocale) {
}
