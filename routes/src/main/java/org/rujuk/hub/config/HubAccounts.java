package org.rujuk.hub.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The accounts of the hub, the broker and the API, resolved once from {@link HubProperties}: one per agency plus
 * the hub itself, the coordinator and the administrator. The demo password fills in unset passwords only when
 * the broker is embedded; anywhere else an unset or demo password stops the hub from starting.
 */
@Component
public class HubAccounts {

    private final Map<String, Account> byUsername;

    public HubAccounts(HubProperties properties) {
        var accounts = new LinkedHashMap<String, Account>();
        var problems = new ArrayList<String>();
        var resolver = new PasswordResolver(properties, problems);
        for (var agency : properties.agencies()) {
            put(accounts, problems, new Account(agency.code(),
                    resolver.resolve("rujuk.agencies[" + agency.code() + "].password", agency.password()),
                    Account.Kind.AGENCY, agency.code()));
        }
        var a = properties.accounts();
        put(accounts, problems, new Account(a.hubUser(),
                resolver.resolve("rujuk.accounts.hub-password", a.hubPassword()), Account.Kind.HUB, null));
        put(accounts, problems, new Account(a.coordinatorUser(),
                resolver.resolve("rujuk.accounts.coordinator-password", a.coordinatorPassword()),
                Account.Kind.COORDINATOR, null));
        put(accounts, problems, new Account(a.adminUser(),
                resolver.resolve("rujuk.accounts.admin-password", a.adminPassword()), Account.Kind.ADMIN, null));
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
