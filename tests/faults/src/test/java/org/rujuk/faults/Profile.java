package org.rujuk.faults;

import java.util.List;

/**
 * How hard each fault pushes. {@code full} is the issue's: 10 000 referrals per fault, 20 kills, stalls of 10, 45
 * and 120 s, each fault followed by its negative control; {@code short} (CI, inside {@code mvn verify}) runs every
 * fault as shipped with 300 referrals (about 2 000 in all) and a few kills, without the negative controls, so that it
 * takes minutes on two cores.
 */
record Profile(String name, int referrals, int perSecond, int hubKills, int brokerKills, List<Integer> stallSeconds,
        int postgresKills, int poison, int resends, int addressFull, int controlReferrals, boolean negativeControls) {

    static Profile named(String name) {
        return switch (name) {
            case "full" -> new Profile("full", 10_000, 20, 20, 20, List.of(10, 45, 120), 3, 100, 1_000, 2_000, 1_000,
                    true);
            case "short" -> new Profile("short", 300, 60, 2, 2, List.of(10), 1, 3, 100, 500, 100, false);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (short or full)");
        };
    }
}
