package org.rujuk.hub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the hub is configured with under {@code rujuk.*}. Agencies are data: adding one to
 * {@code rujuk.agencies} gives it a broker user, a role, an inbox and its permissions, with no code change.
 */
@Validated
@ConfigurationProperties("rujuk")
public record HubProperties(
        @NotEmpty List<@Valid Agency> agencies,
        @Valid @NotNull Addresses addresses,
        @Valid @NotNull Broker broker,
        @Valid @NotNull Accounts accounts,
        @Valid @NotNull Delivery delivery,
        @DefaultValue @Valid @NotNull Security security) {

    /** One agency that sends or receives referrals. */
    public record Agency(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9_]{1,31}$") String code,
            @NotBlank String name,
            /* The agency's broker and API password; empty means the demo password (embedded default only). */
            String password,
            /* The subject of the agency's TLS client certificate (e.g. "CN=police,O=Rujuk"): with it the agency may
               log in to the broker by certificate alone, as this account. */
            String certificateDn) {
    }

    /** The contract's addresses; {@code inboxPrefix + code + inboxSuffix} is an agency's inbox. */
    public record Addresses(
            @DefaultValue("rujuk.referrals.in") @NotBlank String referralsIn,
            @DefaultValue("rujuk.status.in") @NotBlank String statusIn,
            @DefaultValue("rujuk.agency.") @NotBlank String inboxPrefix,
            @DefaultValue(".inbox") @NotBlank String inboxSuffix,
            @DefaultValue("rujuk.dead") @NotBlank String dead,
            @DefaultValue("rujuk.escalations") @NotBlank String escalations) {

        public String inboxOf(String agencyCode) {
            return inboxPrefix + agencyCode + inboxSuffix;
        }
    }

    /**
     * Where the broker is. {@code embedded=true} (the default) runs Artemis inside the hub with its data under
     * {@code dataDir}; otherwise the hub connects to {@code url} and provisions the topology with the broker's
     * administrator ({@code adminUser}).
     */
    public record Broker(
            @DefaultValue("true") boolean embedded,
            @DefaultValue("vm://0") @NotBlank String url,
            @DefaultValue("tcp://localhost:61616") @NotBlank String acceptorUrl,
            @DefaultValue("./data/broker") @NotBlank String dataDir,
            /* Measured here: the NIO default (3.33 ms) caps durable commits at ~280/s; 132 µs is what
               `artemis perf-journal` recommends for this disk. */
            @DefaultValue("132us") @NotNull Duration journalBufferTimeout,
            /* Large enough that a re-send within a busy day is still caught by the broker's duplicate cache. */
            @DefaultValue("100000") @Min(1000) int duplicateIdCacheSize,
            /* The external broker's own administrator, used only to provision the topology on start. */
            @DefaultValue("artemis") @NotBlank String adminUser,
            String adminPassword,
            @DefaultValue("30") @Min(1) int connectAttempts,
            /* Whether provisioning (re)sets the Rujuk accounts on the external broker; off when the broker's
               accounts are managed elsewhere (its own users file, LDAP, certificates). */
            @DefaultValue("true") boolean provisionAccounts,
            /* TLS on the embedded broker's acceptor (the external broker has its own, see the README). */
            @DefaultValue @Valid @NotNull Tls tls) {
    }

    /**
     * TLS on the embedded broker's acceptor, for every protocol on it. Key and trust stores are files in any
     * format the JDK reads (PKCS12, JKS). With {@code clientAuth} {@code want} or {@code need} the broker asks for
     * a client certificate signed by the trust store; a client that presents one logs in as the account whose
     * {@code certificate-dn} is its subject, and only so (no password needed, none accepted instead).
     */
    public record Tls(
            @DefaultValue("false") boolean enabled,
            String keyStore,
            String keyStorePassword,
            @DefaultValue("PKCS12") @NotBlank String keyStoreType,
            String trustStore,
            String trustStorePassword,
            @DefaultValue("PKCS12") @NotBlank String trustStoreType,
            @DefaultValue("none") @NotNull ClientAuth clientAuth) {

        public enum ClientAuth { NONE, WANT, NEED }

        @AssertTrue(message = "rujuk.broker.tls.key-store is required when TLS is enabled")
        public boolean isKeyStoreGivenWhenEnabled() {
            return !enabled || (keyStore != null && !keyStore.isBlank());
        }

        @AssertTrue(message = "rujuk.broker.tls.trust-store is required when client-auth is want or need")
        public boolean isTrustStoreGivenForClientAuth() {
            return !enabled || clientAuth == ClientAuth.NONE || (trustStore != null && !trustStore.isBlank());
        }

        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", keyStore=" + keyStore + ", trustStore=" + trustStore
                    + ", clientAuth=" + clientAuth + "]";
        }
    }

    /** Accounts that are not agencies. Empty passwords mean the demo password (embedded default only). */
    public record Accounts(
            @DefaultValue("hub") @NotBlank String hubUser,
            String hubPassword,
            @DefaultValue("coordinator") @NotBlank String coordinatorUser,
            String coordinatorPassword,
            /* Rujuk's administrator: reads and replays dead letters. */
            @DefaultValue("admin") @NotBlank String adminUser,
            String adminPassword,
            /* Optional subjects of TLS client certificates that log in as these accounts (see Agency). */
            String hubCertificateDn,
            String coordinatorCertificateDn,
            String adminCertificateDn,
            /* The demo password; refused unless the broker is embedded. */
            @DefaultValue("demo") String demoPassword) {
    }

    /**
     * How a message that fails for a technical reason is retried: the broker redelivers it with back-off, and
     * on the {@code maxAttempts}-th delivery the hub moves it to the dead-letter address with its reason. An
     * administrator may have the hub re-send a dead letter at most {@code maxReplays} times; one that fails after
     * that stays dead.
     */
    public record Delivery(
            @DefaultValue("5") @Min(1) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration redeliveryDelay,
            @DefaultValue("2.0") double redeliveryMultiplier,
            @DefaultValue("60s") @NotNull Duration maxRedeliveryDelay,
            @DefaultValue("2") @Min(1) int consumers,
            @DefaultValue("3") @Min(0) int maxReplays) {
    }

    /**
     * Transport security. Outside the embedded default (the {@code prod} profile) the hub refuses to start unless
     * HTTP is served over TLS and its broker connection uses TLS; {@code allowInsecureTransport} is the explicit,
     * visible way to run without (e.g. behind a TLS-terminating proxy on a private network). See
     * {@link TransportSecurity}.
     */
    public record Security(@DefaultValue("false") boolean allowInsecureTransport) {
    }
}
