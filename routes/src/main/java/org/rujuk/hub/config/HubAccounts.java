package org.rujuk.hub.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.springframework.stereotype.Component;

/**
 * The accounts of the hub, the broker and the API, resolved once from {@link HubProperties}: one per agency plus
 * the hub itself, the coordinator and the administrator, each with its password and optionally the subject of the
 * TLS client certificate that logs in as it. The one place passwords are resolved: they come from configuration,
 * which the {@code prod} profile fills from the environment or from one file per secret
 * ({@code spring.config.import: configtree:}). The demo password fills in unset passwords only when the broker
 * is embedded; anywhere else an unset or demo password stops the hub from starting.
 */
@Component
public class HubAccounts {

    private final Map<String, Account> byUsername;

    public HubAccounts(HubProperties properties) {
        var accounts = new LinkedHashMap<String, Account>();
        var problems = new ArrayList<String>();
        var resolver = new PasswordResolver(properties, problems);
        for (var agency : properties.agencies()) {
            String property = "rujuk.agencies[" + agency.code() + "]";
            put(accounts, problems, new Account(agency.code(),
                    resolver.resolve(property + ".password", agency.password()),
                    Account.Kind.AGENCY, agency.code(),
                    distinguishedName(property + ".certificate-dn", agency.certificateDn(), problems)));
        }
        var a = properties.accounts();
        put(accounts, problems, new Account(a.hubUser(),
                resolver.resolve("rujuk.accounts.hub-password", a.hubPassword()), Account.Kind.HUB, null,
                distinguishedName("rujuk.accounts.hub-certificate-dn", a.hubCertificateDn(), problems)));
        put(accounts, problems, new Account(a.coordinatorUser(),
                resolver.resolve("rujuk.accounts.coordinator-password", a.coordinatorPassword()),
                Account.Kind.COORDINATOR, null,
                distinguishedName("rujuk.accounts.coordinator-certificate-dn", a.coordinatorCertificateDn(), problems)));
        put(accounts, problems, new Account(a.adminUser(),
                resolver.resolve("rujuk.accounts.admin-password", a.adminPassword()), Account.Kind.ADMIN, null,
                distinguishedName("rujuk.accounts.admin-certificate-dn", a.adminCertificateDn(), problems)));
        var byCertificate = new HashMap<String, String>();
        for (var account : accounts.values()) {
            if (account.certificateDn() != null) {
                String other = byCertificate.putIfAbsent(account.certificateDn(), account.username());
                if (other != null) {
                    problems.add("accounts '" + other + "' and '" + account.username() + "' have the same certificate-dn");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Rujuk will not start: " + String.join("; ", problems));
        }
        this.byUsername = Collections.unmodifiableMap(accounts);
    }

    private static void put(Map<String, Account> accounts, List<String> problems, Account account) {
        if (accounts.putIfAbsent(account.username(), account) != null) {
            problems.add("two accounts are named '" + account.username() + "'");
        }
    }

    /**
     * A configured distinguished name in the one form Artemis's certificate login compares: the JDK's legacy
     * {@code X509Certificate.getSubjectDN().getName()}, which is RFC 1779 with ", " between the parts (as
     * {@code keytool -printcert} prints "Owner:"). So "CN=police,O=Rujuk" and "CN=police, O=Rujuk" are the same
     * certificate.
     */
    private static String distinguishedName(String property, String configured, List<String> problems) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return new X500Principal(configured).getName(X500Principal.RFC1779);
        } catch (IllegalArgumentException e) {
            problems.add(property + " is not a distinguished name (e.g. CN=police,O=Rujuk)");
            return null;
        }
    }

    public List<Account> all() {
        return List.copyOf(byUsername.values());
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(username).map(byUsername::get);
    }

    public Account hub() {
        return byKind(Account.Kind.HUB);
    }

    private Account byKind(Account.Kind kind) {
        return byUsername.values().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    private record PasswordResolver(HubProperties properties, List<String> problems) {

        String resolve(String property, String configured) {
            boolean embedded = properties.broker().embedded();
            String demo = properties.accounts().demoPassword();
            if (configured == null || configured.isBlank()) {
                if (embedded && demo != null && !demo.isBlank()) {
                    return demo;
                }
                problems.add(property + " is not set (outside the embedded default every account needs its own password)");
                return "";
            }
            if (!embedded && configured.equals(demo)) {
                problems.add(property + " is the demo password, which is refused outside the embedded default");
            }
            return configured;
        }
    }
}
