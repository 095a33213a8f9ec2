package org.rujuk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubAccountsTest {

    @Test
    void embeddedDefaultGivesEveryUnsetAccountTheDemoPassword() {
        var accounts = new HubAccounts(properties(true, null, null));
        assertThat(accounts.all()).extracting(Account::username)
                .containsExactly("police", "social", "hub", "coordinator", "admin");
        assertThat(accounts.all()).allSatisfy(a -> assertThat(a.password()).isEqualTo("demo"));
    }

    @Test
    void outsideTheEmbeddedDefaultAnUnsetPasswordStopsTheHub() {
        assertThatThrownBy(() -> new HubAccounts(properties(false, null, "s3cret-hub")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rujuk.agencies[police].password is not set");
    }

    @Test
    void outsideTheEmbeddedDefaultTheDemoPasswordIsRefused() {
        assertThatThrownBy(() -> new HubAccounts(properties(false, "demo", "s3cret-hub")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo password, which is refused");
    }

    @Test
    void accountsNeverPrintTheirPassword() {
        var accounts = new HubAccounts(properties(true, "p0lice-secret", null));
        assertThat(accounts.find("police").orElseThrow().toString()).doesNotContain("p0lice-secret");
    }

    private static HubProperties properties(boolean embedded, String agencyPassword, String otherPassword) {
        return new HubProperties(
                List.of(new HubProperties.Agency("police", "Polres", agencyPassword),
                        new HubProperties.Agency("social", "Dinsos", agencyPassword)),
                new HubProperties.Addresses("rujuk.referrals.in", "rujuk.status.in", "rujuk.agency.", ".inbox",
                        "rujuk.dead", "rujuk.escalations"),
                new HubProperties.Broker(embedded, "vm://0", "tcp://localhost:61616", "./data/broker",
                        Duration.ofNanos(132_000), 100_000, "artemis", null, 30, true),
                new HubProperties.Accounts("hub", otherPassword, "coordinator", otherPassword, "admin", otherPassword,
                        "demo"),
                new HubProperties.Delivery(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 2, 3));
    }
}
