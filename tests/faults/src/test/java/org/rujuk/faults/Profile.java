package org.rujuk.faults;

import java.util.List;

/**
 * How hard each fault pushes. {@code full} is the issue's: 10 000 referrals per fault, 20 kills, stalls of 10, 45
 * and 120 s; {@code short} (CI, inside {@code mvn verify}) keeps every fault and its negative control but with
 * fewer referrals and kills, so the whole suite takes a few minutes on two cores.
 */
record Profile(String name, int referrals, int perSecond, int hubKills, int brokerKills, List<Integer> stallSeconds,
        int postgresKills, int poison, int resends, int controlReferrals) {

    static Profile named(String name) {
        return switch (name) {
            case "full" -> new Profile("full", 10_000, 150, 20, 20, List.of(10, 45, 120), 3, 100, 1_000, 1_000);
            case "short" -> new Profile("short", 600, 100, 3, 2, List.of(10), 1, 6, 200, 200);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (short or full)");
        };
    }
}
