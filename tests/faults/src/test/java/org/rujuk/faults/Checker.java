package org.rujuk.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what happened from the records the processes kept: what the generator says the broker accepted, what
 * each agency says it received, what is in {@code rujuk.dead}, and what the broker logged as dropped.
 *
 * <p>For every accepted referral that is not poison, six messages are expected, each exactly once: the referral in
 * the recipient's inbox; the receipt and the four status notices (received, accepted, in_progress, completed) in
 * the sender's inbox. A referral missing any of them is <em>lost</em>. Two distinct broker messages (different
 * message ids) for the same inbox, referral, type and status are a <em>duplicate</em>; the same message
 * redelivered to an agency (same id) is not. A poison referral must reach {@code rujuk.dead} with a reason and
 * nowhere else; a good one must never be dead-lettered.
 */
final class Checker {

    record Sent(String referralId, String from, String to, long at, boolean poison) {
    }

    record DeadLetter(String referralId, String reason, String originalAddress) {
    }

    /** What a checker run found; {@code problems} is empty when the fault passed. */
    record Figures(int accepted, int refused, int delivered, int lost, int missingMessages, int duplicated,
            int poison, int poisonDeadLettered, int deadLetteredGood, int rejections, Map<String, Integer> silentDrops,
            long maxLatencyMillis, long p99LatencyMillis, List<String> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        int silentDropTotal() {
            return silentDrops.values().stream().mapToInt(Integer::intValue).sum();
        }

        String summary() {
            return String.format("accepted %d, refused %d, delivered %d, lost %d (%d messages), duplicated %d, "
                    + "poison %d of which dead-lettered with reason %d, good dead-lettered %d, rejections %d, "
                    + "silent drops %d %s, delivery latency max %.1f s (p99 %.1f s)",
                    accepted, refused, delivered, lost, missingMessages, duplicated, poison, poisonDeadLettered,
                    deadLetteredGood, rejections, silentDropTotal(), silentDrops, maxLatencyMillis / 1000.0,
                    p99LatencyMillis / 1000.0);
        }
    }

    private final Map<String, Sent> accepted = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    /** inbox agency / type / referral / status -> distinct message ids, and when each key was first seen. */
    private final Map<String, Set<String>> received = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private int rejections;

    static Checker read(List<Path> sentRecords, Map<String, Path> agencyRecords) throws IOException {
        var checker = new Checker();
        for (Path file : sentRecords) {
            for (String line : lines(file)) {
                String[] f = line.split("\t");
                if (f.length < 6) {
                    continue; // a line the generator was writing when the suite looked
                }
                if (f[0].equals("accepted")) {
                    // A re-send keeps the first acceptance: latency counts from the first time.
                    checker.accepted.putIfAbsent(f[1], new Sent(f[1], f[2], f[3], Long.parseLong(f[4]),
                            f[5].equals("poison")));
                } else if (f[0].equals("refused")) {
                    checker.refused.add(f[1]);
                }
            }
        }
        for (var entry : agencyRecords.entrySet()) {
            for (String line : lines(entry.getValue())) {
                String[] f = line.split("\t");
                if (f.length < 5) {
                    continue;
                }
                if (f[1].equals("rejection")) {
                    checker.rejections++;
                }
                String key = key(entry.getKey(), f[1], f[2], f[3]);
                checker.received.computeIfAbsent(key, k -> new HashSet<>()).add(f[0]);
                checker.firstSeen.merge(key, Long.parseLong(f[4]), Math::min);
            }
        }
        return checker;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n');
        return complete < 0 ? List.of() : List.of(text.substring(0, complete).split("\n"));
    }

    private static String key(String inbox, String type, String referralId, String status) {
        return inbox + "/" + type + "/" + referralId + "/" + status;
    }

    private static List<String> expectedKeys(Sent sent) {
        var keys = new ArrayList<String>();
        keys.add(key(sent.to(), "referral", sent.referralId(), "-"));
        keys.add(key(sent.from(), "receipt", sent.referralId(), "-"));
        for (String status : Agencies.STATUS_LOOP) {
            keys.add(key(sent.from(), "status", sent.referralId(), status));
        }
        return keys;
    }

    /** Whether every accepted good referral has all its messages (used to know when a fault has settled). */
    int missingMessages() {
        int missing = 0;
        for (Sent sent : accepted.values()) {
            if (!sent.poison()) {
                for (String key : expectedKeys(sent)) {
                    if (!received.containsKey(key)) {
                        missing++;
                    }
                }
            }
        }
        return missing;
    }

    int poisonAccepted() {
        return (int) accepted.values().stream().filter(Sent::poison).count();
    }

    int receivedKeys() {
        return received.size();
    }

    int accepted() {
        return accepted.size();
    }

    Figures figures(List<DeadLetter> deadLetters, Map<String, Integer> silentDrops, long maxLatencyAllowed,
            boolean expectRefusals) {
        var problems = new ArrayList<String>();
        int delivered = 0;
        int lost = 0;
        int missing = 0;
        int poison = 0;
        var latencies = new ArrayList<Long>();
        for (Sent sent : accepted.values()) {
            if (sent.poison()) {
                poison++;
                continue;
            }
            String forwarded = key(sent.to(), "referral", sent.referralId(), "-");
            if (received.containsKey(forwarded)) {
                delivered++;
                latencies.add(firstSeen.get(forwarded) - sent.at());
            }
            int absent = 0;
            for (String key : expectedKeys(sent)) {
                if (!received.containsKey(key)) {
                    absent++;
                }
            }
            if (absent > 0) {
                lost++;
                missing += absent;
            }
        }
        int duplicated = 0;
        for (var ids : received.values()) {
            if (ids.size() > 1) {
                duplicated++;
            }
        }
        var poisonIds = new HashSet<String>();
        int deadGood = 0;
        for (var dead : deadLetters) {
            Sent sent = accepted.get(dead.referralId());
            if (sent != null && sent.poison()) {
                if (dead.reason() != null && !dead.reason().isBlank()) {
                    poisonIds.add(dead.referralId());
                }
            } else {
                deadGood++;
            }
        }
        for (Sent sent : accepted.values()) {
            if (sent.poison() && received.containsKey(key(sent.to(), "referral", sent.referralId(), "-"))) {
                problems.add("poison referral " + sent.referralId() + " was forwarded");
            }
        }
        latencies.sort(null);
        long max = latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1);
        long p99 = latencies.isEmpty() ? 0 : latencies.get((int) Math.floor((latencies.size() - 1) * 0.99));
        var figures = new Figures(accepted.size(), refused.size(), delivered, lost, missing, duplicated, poison,
                poisonIds.size(), deadGood, rejections, silentDrops, max, p99, problems);
        if (accepted.isEmpty()) {
            problems.add("nothing was accepted");
        }
        if (lost > 0) {
            problems.add(lost + " referrals lost (" + missing + " messages missing)");
        }
        if (duplicated > 0) {
            problems.add(duplicated + " messages duplicated");
        }
        if (poisonIds.size() != poison) {
            problems.add((poison - poisonIds.size()) + " of " + poison + " poison messages not dead-lettered with a "
                    + "reason");
        }
        if (deadGood > 0) {
            problems.add(deadGood + " dead letters that are not poison");
        }
        if (rejections > 0) {
            problems.add(rejections + " rejections of messages the suite sent as valid");
        }
        if (figures.silentDropTotal() > 0) {
            problems.add("the broker logged " + figures.silentDropTotal() + " silent drops " + silentDrops);
        }
        if (max > maxLatencyAllowed) {
            problems.add("a good referral took " + max / 1000 + " s to arrive (allowed " + maxLatencyAllowed / 1000
                    + " s)");
        }
        if (expectRefusals && refused.isEmpty()) {
            problems.add("the broker refused nothing: the limit was never reached");
        }
        return figures;
    }
}
