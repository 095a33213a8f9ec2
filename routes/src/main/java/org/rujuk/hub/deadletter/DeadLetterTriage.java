package org.rujuk.hub.deadletter;

import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.messaging.HubTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an administrator does about dead letters: list them (with their referral id, never their body), read one's
 * body (audited), have the hub re-send one to the address it was first sent to for its original sender (replay), or
 * remove it with a reason (discard). Each replay or discard takes the dead letter off the queue in a local JMS
 * transaction that commits last inside the database transaction recording it and its audit entry: a failure leaves
 * the dead letter where it was and nothing recorded; two administrators acting on one dead letter at once cannot
 * both take it; a replay carries a duplicate id per original and replay number, so the broker absorbs a second copy.
 * The one gap is a database commit failing right after the JMS commit: the replay or discard happened but is not
 * recorded (logged).
 */
@Component
class DeadLetterTriage {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTriage.class);
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_REASON = 500;

    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final List<String> inboundAddresses;
    private final int maxReplays;

    DeadLetterTriage(DeadLetters deadLetters, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit,
            AgencyDirectory agencies, Clock clock, HubProperties properties) {
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.agencies = agencies;
        this.clock = clock;
        this.inboundAddresses = List.of(properties.addresses().referralsIn(), properties.addresses().statusIn());
        this.maxReplays = properties.delivery().maxReplays();
    }

    /** One dead letter as coordinators and administrators see it: never its body. */
    record DeadLetter(String key, UUID referralId, String sender, String originalAddress, String reason,
            OffsetDateTime deadAt, Integer attempts, int replayCount, boolean replayable, String notReplayableBecause) {
    }

    /** Which dead letters: every field optional; {@code reason} matches a part of the reason, ignoring case. */
    record Filter(String sender, String reason, String address, UUID referralId, OffsetDateTime from,
            OffsetDateTime to) {

        static final Filter ALL = new Filter(null, null, null, null, null, null);

        boolean matches(DeadLetter d) {
            return (blank(sender) || sender.equals(d.sender()))
                    && (blank(reason) || (d.reason() != null
                            && d.reason().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))))
                    && (blank(address) || address.equals(d.originalAddress()))
                    && (referralId == null || referralId.equals(d.referralId()))
                    && (from == null || !d.deadAt().isBefore(from))
                    && (to == null || d.deadAt().isBefore(to));
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    record Page(long total, int page, int size, List<DeadLetter> items) {
    }

    /** What happened to one dead letter an administrator acted on. */
    record Outcome(String key, Result result, UUID referralId, Integer replayCount, String detail) {
    }

    enum Result { REPLAYED, DISCARDED, NOT_FOUND, NOT_REPLAYABLE, FAILED }

    /** The dead letters now on the dead-letter address, newest first. */
    Page list(Filter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        var matching = matching(filter);
        var items = matching.stream().skip((long) pageNumber * pageSize).limit(pageSize).toList();
        return new Page(matching.size(), pageNumber, pageSize, items);
    }

    private List<DeadLetter> matching(Filter filter) {
        List<DeadLetters.Found> found;
        try {
            found = deadLetters.browseAll();
        } catch (JMSException e) {
            throw new IllegalStateException("could not browse the dead-letter address", e);
        }
        return found.stream().map(this::view).filter(filter::matches)
                .sorted(Comparator.comparing(DeadLetter::deadAt).reversed().thenComparing(DeadLetter::key))
                .toList();
    }

    /** A dead letter's body, for an administrator; the look is audited first, or not given. */
    Optional<DeadLetters.Body> body(String actor, String key) {
        if (!DeadLetters.isKey(key)) {
            return Optional.empty();
        }
        Optional<DeadLetters.Found> found;
        try {
            found = deadLetters.find(key, true);
        } catch (JMSException e) {
            throw new IllegalStateException("could not browse the dead-letter address", e);
        }
        found.ifPresent(f -> audit.accessed(actor, AuditAction.DEAD_LETTER_BODY_VIEWED,
                f.referralId() == null ? List.of() : List.of(f.referralId()), "message=" + f.key()));
        return found.map(DeadLetters.Found::body);
    }

    List<Outcome> replay(String actor, List<String> keys) {
        var outcomes = new ArrayList<Outcome>();
        for (String key : new LinkedHashSet<>(keys)) {
            outcomes.add(act(key, () -> replayOne(actor, key)));
        }
        return outcomes;
    }

    List<Outcome> replay(String actor, Filter filter) {
        return replay(actor, matching(filter).stream().filter(DeadLetter::replayable).map(DeadLetter::key).toList());
    }

    List<Outcome> discard(String actor, List<String> keys, String reason) {
        String why = requireReason(reason);
        var outcomes = new ArrayList<Outcome>();
        for (String key : new LinkedHashSet<>(keys)) {
            outcomes.add(act(key, () -> discardOne(actor, key, why)));
        }
        return outcomes;
    }

    List<Outcome> discard(String actor, Filter filter, String reason) {
        requireReason(reason);
        return discard(actor, matching(filter).stream().map(DeadLetter::key).toList(), reason);
    }

    private interface Act {
        Outcome run() throws JMSException;
    }

    /** One dead letter's action; a failure is reported for it and does not stop the others. */
    private Outcome act(String key, Act action) {
        if (!DeadLetters.isKey(key)) {
            return new Outcome(key, Result.NOT_FOUND, null, null, "not a dead letter's key");
        }
        try {
            return action.run();
        } catch (JMSException | RuntimeException e) {
            log.warn("dead letter {}: triage failed: {}", key, e.getMessage());
            return new Outcome(key, Result.FAILED, null, null, "failed, nothing changed: " + e.getMessage());
        }
    }

    private Outcome replayOne(String actor, String key) throws JMSException {
        // A quick look first: taking waits for the message, which is pointless when it is not there.
        var seen = deadLetters.find(key, false);
        if (seen.isEmpty()) {
            return notThere(key);
        }
        String refusal = whyNotReplayable(seen.get());
        if (refusal != null) {
            return new Outcome(key, Result.NOT_REPLAYABLE, seen.get().referralId(), seen.get().replayCount(),
                    refusal);
        }
        try (var taking = deadLetters.begin()) {
            var taken = taking.take(key);
            if (taken.isEmpty()) {
                return notThere(key);
            }
            var deadLetter = taken.get();
            // Checked again on what was taken: it may have changed since the look.
            refusal = whyNotReplayable(deadLetter);
            if (refusal != null) {
                return new Outcome(key, Result.NOT_REPLAYABLE, deadLetter.referralId(), deadLetter.replayCount(),
                        refusal);
            }
            int replayCount = deadLetter.replayCount() + 1;
            taking.replay(deadLetter, replayCount);
            transactions.executeWithoutResult(tx -> {
                record(deadLetter, "replayed", actor, null, replayCount);
                audit.append(actor, AuditAction.DEAD_LETTER_REPLAYED, deadLetter.referralId(),
                        "message=" + key + " replay=" + replayCount + " sender=" + deadLetter.sender()
                                + " address=" + deadLetter.originalAddress());
                commit(taking);
            });
            log.info("dead letter {} (referral {}) replayed by {} for {} to {}, replay {}", key,
                    deadLetter.referralId(), actor, deadLetter.sender(), deadLetter.originalAddress(), replayCount);
            return new Outcome(key, Result.REPLAYED, deadLetter.referralId(), replayCount,
                    "re-sent to " + deadLetter.originalAddress() + " for " + deadLetter.sender());
        }
    }

    private Outcome discardOne(String actor, String key, String reason) throws JMSException {
        if (deadLetters.find(key, false).isEmpty()) {
            return notThere(key);
        }
        try (var taking = deadLetters.begin()) {
            var taken = taking.take(key);
            if (taken.isEmpty()) {
                return notThere(key);
            }
            var deadLetter = taken.get();
            transactions.executeWithoutResult(tx -> {
                record(deadLetter, "discarded", actor, reason, deadLetter.replayCount());
                // The reason is an administrator's free text: the chain keeps its hash (proof of what was said),
                // dead_letter_log its words.
                audit.append(actor, AuditAction.DEAD_LETTER_DISCARDED, deadLetter.referralId(),
                        "message=" + key + " replays=" + deadLetter.replayCount() + " reason-sha256=" + sha256(reason));
                commit(taking);
            });
            log.info("dead letter {} (referral {}) discarded by {}", key, deadLetter.referralId(), actor);
            return new Outcome(key, Result.DISCARDED, deadLetter.referralId(), deadLetter.replayCount(), reason);
        }
    }

    private Outcome notThere(String key) {
        String status = jdbc.sql("select status from dead_letter_log where message_key = :key").param("key", key)
                .query(String.class).optional().orElse(null);
        String detail = status == null || status.equals("dead") ? "not on the dead-letter address"
                : "not on the dead-letter address: already " + status;
        return new Outcome(key, Result.NOT_FOUND, null, null, detail);
    }

    /** The last step of the database transaction: if the broker refuses, nothing is recorded. */
    private static void commit(DeadLetters.Taking taking) {
        try {
            taking.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("the broker did not commit: " + e.getMessage(), e);
        }
    }

    private void record(DeadLetters.Found deadLetter, String status, String actor, String reason, int replayCount) {
        var params = new HashMap<String, Object>();
        params.put("key", deadLetter.key());
        params.put("status", status);
        params.put("now", HubTime.now(clock));
        params.put("actor", actor);
        params.put("reason", reason);
        params.put("replays", replayCount);
        params.put("sender", deadLetter.sender());
        params.put("address", deadLetter.originalAddress());
        params.put("deadReason", deadLetter.reason() == null ? "unknown" : deadLetter.reason());
        params.put("deadAt", deadLetter.deadAt());
        params.put("referral", deadLetter.referralId());
        params.put("attempts", deadLetter.attempts());
        int updated = jdbc.sql("""
                update dead_letter_log set status = :status, handled_at = :now, handled_by = :actor,
                    discard_reason = :reason, replay_count = :replays
                where message_key = :key""").params(params).update();
        if (updated == 0) {
            // Its count was never written (the database was down when it died) or retention took it already.
            jdbc.sql("""
                    insert into dead_letter_log (message_key, at, sender, original_address, reason, referral_id,
                        delivery_count, replay_count, status, handled_at, handled_by, discard_reason)
                    values (:key, :deadAt, :sender, :address, :deadReason, :referral, :attempts, :replays, :status,
                        :now, :actor, :reason)""").params(params).update();
        }
    }

    private DeadLetter view(DeadLetters.Found f) {
        String refusal = whyNotReplayable(f);
        return new DeadLetter(f.key(), f.referralId(), f.sender(), f.originalAddress(), f.reason(), f.deadAt(),
                f.attempts(), f.replayCount(), refusal == null, refusal);
    }

    /** Why the hub will not re-send this dead letter, or {@code null} when it will. */
    private String whyNotReplayable(DeadLetters.Found f) {
        if (!f.hubHeaders()) {
            return "moved by the broker, not by the hub: its sender is not vouched for";
        }
        if (f.replayCount() >= maxReplays) {
            return "replayed " + f.replayCount() + " times (rujuk.delivery.max-replays = " + maxReplays
                    + ") and failed again";
        }
        if (!inboundAddresses.contains(f.originalAddress())) {
            return "was not sent to an inbound address";
        }
        if (!agencies.isAgency(f.sender())) {
            return "its sender '" + f.sender() + "' is not an agency: no answer could reach it";
        }
        return null;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to discard a dead letter");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        return trimmed;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
