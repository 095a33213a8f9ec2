package org.rujuk.connector.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything one connector is configured with, under {@code rujuk.connector.*}. One connector serves one agency:
 * it logs in to the broker and to the hub's API with that agency's account, and the agency's system logs in to the
 * connector with {@code apiUsername}/{@code apiPassword}. Delivery goes to {@code webhookUrl}, to
 * {@code inboxDir}, or both; with neither, the connector leaves the agency's inbox alone.
 */
@Validated
@ConfigurationProperties("rujuk.connector")
public record ConnectorProperties(
        @NotNull @Pattern(regexp = "^[a-z][a-z0-9_]{1,31}$", message = "must be an agency code") String agency,
        @NotBlank String brokerUrl,
        /* The agency's broker account; the hub takes the account as the sender, so it is the agency's code. */
        @NotBlank String username,
        @NotBlank String password,
        @NotBlank String apiUsername,
        @NotBlank String apiPassword,
        /* The hub's HTTP API, for the ledger view behind GET /referrals/{id}. */
        @NotNull URI hubUrl,
        URI webhookUrl,
        String webhookSecret,
        Path outboxDir,
        Path inboxDir,
        @Valid @NotNull @DefaultValue Addresses addresses,
        @Valid @NotNull @DefaultValue Webhook webhook,
        @Valid @NotNull @DefaultValue FileDrop fileDrop) {

    /** The shortest webhook secret accepted: 128 bits of base64 or hex is at least this long. */
    public static final int MIN_SECRET_LENGTH = 16;

    public boolean deliversByWebhook() {
        return webhookUrl != null;
    }

    public boolean deliversToFolder() {
        return inboxDir != null;
    }

    /** Whether the connector consumes the agency's inbox at all. */
    public boolean delivers() {
        return deliversByWebhook() || deliversToFolder();
    }

    /** A webhook without a secret would let anyone who can reach the agency system forge referrals to it. */
    @AssertTrue(message = "rujuk.connector.webhook-secret must be set, at least " + MIN_SECRET_LENGTH
            + " characters, when webhook-url is")
    public boolean isWebhookSigned() {
        return webhookUrl == null || (webhookSecret != null && webhookSecret.strip().length() >= MIN_SECRET_LENGTH);
    }

    @AssertTrue(message = "rujuk.connector.username must be the agency's code: the hub takes the broker account as "
            + "the sender")
    public boolean isUsernameTheAgency() {
        return username == null || agency == null || username.equals(agency);
    }

    @AssertTrue(message = "rujuk.connector.webhook-url must be an absolute http or https URL")
    public boolean isWebhookUrlHttp() {
        return webhookUrl == null || ("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))
                && webhookUrl.getHost() != null;
    }

    /** Secrets stay out of logs and failure analyses. */
    @Override
    public String toString() {
        return "ConnectorProperties[agency=" + agency + ", brokerUrl=" + brokerUrl + ", username=" + username
                + ", apiUsername=" + apiUsername + ", hubUrl=" + hubUrl + ", webhookUrl=" + webhookUrl
                + ", outboxDir=" + outboxDir + ", inboxDir=" + inboxDir + "]";
    }

    /** The contract's addresses; {@code inbox} is the agency's own ({@code rujuk.agency.<code>.inbox}). */
    public record Addresses(
            @DefaultValue("rujuk.referrals.in") @NotBlank String referralsIn,
            @DefaultValue("rujuk.status.in") @NotBlank String statusIn,
            @NotBlank String inbox) {
    }

    /**
     * How the webhook is called. A failed call that may succeed later (5xx, 408, 429, timeout, refused connection)
     * is retried {@code attempts - 1} times, {@code initialBackoff} apart and {@code backoffMultiplier} times longer
     * each time up to {@code maxBackoff}; then the message goes back to the broker, which offers it again with its
     * own back-off, for as long as it takes.
     */
    public record Webhook(
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration timeout,
            @DefaultValue("4") @Min(1) int attempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
            @DefaultValue("8s") @NotNull Duration maxBackoff) {
    }

    /**
     * How the outbox folder is watched: every {@code pollDelay}, and a file is taken once its size and time have
     * not changed for {@code settleTime} (so a file still being written is not sent half-way).
     */
    public record FileDrop(
            @DefaultValue("1s") @NotNull Duration pollDelay,
            @DefaultValue("1s") @NotNull Duration settleTime) {
    }
}
