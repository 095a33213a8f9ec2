package org.rujuk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void aCertificateSubjectIsKeptInTheFormTheBrokerCompares() {
        var accounts = new HubAccounts(ConfiguredHub.properties(Map.of(
                "rujuk.agencies[0].code", "police", "rujuk.agencies[0].name", "Polres",
                "rujuk.agencies[0].certificate-dn", "CN=police,OU=Rujuk,  O=Kepolisian Resor Metro,C=ID",
                "rujuk.agencies[1].code", "social", "rujuk.agencies[1].name", "Dinsos")));
        assertThat(accounts.find("police").orElseThrow().certificateDn())
                .isEqualTo("CN=police, OU=Rujuk, O=Kepolisian Resor Metro, C=ID");
        assertThat(accounts.find("social").orElseThrow().certificateDn()).isNull();
    }

    @Test
    void aCertificateSubjectThatIsNoDistinguishedNameStopsTheHub() {
        assertThatThrownBy(() -> new HubAccounts(ConfiguredHub.properties(Map.of(
                "rujuk.agencies[0].code", "police", "rujuk.agencies[0].name", "Polres",
                "rujuk.agencies[0].certificate-dn", "police"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Rujuk will not start: ")
                .hasMessageContaining("rujuk.agencies[police].certificate-dn is not a distinguished name");
    }

    @Test
    void twoAccountsCannotShareOneCertificate() {
        assertThatThrownBy(() -> new HubAccounts(ConfiguredHub.properties(Map.of(
                "rujuk.agencies[0].code", "police", "rujuk.agencies[0].name", "Polres",
                "rujuk.agencies[0].certificate-dn", "CN=shared,O=Rujuk",
                "rujuk.agencies[1].code", "social", "rujuk.agencies[1].name", "Dinsos",
                "rujuk.accounts.coordinator-certificate-dn", "CN=shared, O=Rujuk"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accounts 'police' and 'coordinator' have the same certificate-dn");
    }

    private static HubProperties properties(boolean embedded, String agencyPassword, String otherPassword) {
        var properties = new HashMap<String, String>(Map.of(
                "rujuk.agencies[0].code", "police", "rujuk.agencies[0].name", "Polres",
                "rujuk.agencies[1].code", "social", "rujuk.agencies[1].name", "Dinsos",
                "rujuk.broker.embedded", String.valueOf(embedded)));
        if (agencyPassword != null) {
            properties.put("rujuk.agencies[0].password", agencyPassword);
            properties.put("rujuk.agencies[1].password", agencyPassword);
        }
        if (otherPassword != null) {
            for (String account : List.of("hub", "coordinator", "admin")) {
                properties.put("rujuk.accounts." + account + "-password", otherPassword);
            }
        }
        return ConfiguredHub.properties(properties);
    }
}
