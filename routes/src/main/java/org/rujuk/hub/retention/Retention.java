package org.rujuk.hub.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.broker.QueueMessages;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.messaging.HubTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention periods. Closed hand-offs: a batch at a time, each batch one transaction that locks its
 * hand-offs ({@code FOR UPDATE SKIP LOCKED}: another hub working on retention takes other rows), adds them to the
 * anonymous statistics, deletes their meeting decisions, clock history, clocks, history and ledger rows, and appends
 * one audit entry per referral. Open hand-offs are never touched, however old. Dead letters: each old message is
 * removed from the broker in the transaction that deletes its count and audits it, as its last step, so a failure
 * to remove leaves nothing recorded; a failure to commit after the removal is the one gap (logged).
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final String FINAL_STATES = "('completed', 'declined', 'withdrawn')";
    private static final int MAX_BATCHES = 10_000;

    /** What one run removed. */
    public record Result(int closedHandoffsRemoved, int deadLettersPurged) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final QueueMessages queues;
    private final Clock clock;
    private final RetentionProperties retention;
    private final String deadLetterQueue;

    Retention(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, QueueMessages queues, Clock clock,
            RetentionProperties retention, HubProperties hub) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.queues = queues;
        this.clock = clock;
        this.retention = retention;
        this.deadLetterQueue = hub.addresses().dead();
    }

    public Result runOnce() {
        OffsetDateTime now = HubTime.now(clock);
        int handoffs = reduceClosedHandoffs(now.minus(retention.closedHandoffs()));
        int deadLetters = purgeDeadLetters(now.minus(retention.deadLetters()));
        if (handoffs > 0 || deadLetters > 0) {
            log.info("retention: {} closed hand-offs reduced to statistics and deleted, {} dead letters purged",
                    handoffs, deadLetters);
        }
        return new Result(handoffs, deadLetters);
    }

    /** A closed hand-off's routing metadata, as far as the statistics keep it. */
    private record Closed(UUID referralId, String fromAgency, String toAgency, String category, String childRole,
            String priority, String district, String state, OffsetDateTime submittedAt, OffsetDateTime closedAt) {
    }

    /** One row of the statistics. */
    private record StatisticsKey(LocalDate submittedMonth, LocalDate closedMonth, String fromAgency, String toAgency,
            String category, String childRole, String priority, String district, String finalState) {
    }

    int reduceClosedHandoffs(OffsetDateTime closedBefore) {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer removed = transactions.execute(tx -> reduceBatch(closedBefore));
            if (removed == null || removed == 0) {
                break;
            }
            total += removed;
        }
        return total;
    }

    private int reduceBatch(OffsetDateTime closedBefore) {
        List<Closed> closed = jdbc.sql("select referral_id, from_agency, to_agency, category, child_role, priority, "
                        + "district, state, submitted_at, state_changed_at from handoff "
                        + "where state in " + FINAL_STATES + " and state_changed_at < :before "
                        + "order by state_changed_at fetch first :limit rows only for update skip locked")
                .param("before", closedBefore).param("limit", retention.batchSize())
                .query((rs, n) -> new Closed(rs.getObject("referral_id", UUID.class), rs.getString("from_agency"),
                        rs.getString("to_agency"), rs.getString("category"), rs.getString("child_role"),
                        rs.getString("priority"), rs.getString("district"), rs.getString("state"),
                        rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getObject("state_changed_at", OffsetDateTime.class)))
                .list();
        if (closed.isEmpty()) {
            return 0;
        }
        List<UUID> ids = closed.stream().map(Closed::referralId).toList();
        for (String table : List.of("meeting_decision", "handoff_deadline_event", "handoff_clock", "handoff_event",
                "handoff")) {
            jdbc.sql("delete from " + table + " where referral_id in (:ids)").param("ids", ids).update();
        }
        var drafts = new ArrayList<AuditTrail.Draft>();
        for (Closed c : closed) {
            drafts.add(new AuditTrail.Draft(AuditTrail.HUB, AuditAction.HANDOFF_DELETED, c.referralId(),
                    "retention state=" + c.state() + " closed=" + month(c.closedAt())));
        }
        // The audit append takes the chain's lock; the statistics are added under it, so two hubs never race to
        // insert the same statistics row.
        audit.append(drafts);
        addToStatistics(closed);
        log.info("retention deleted closed hand-offs {}", ids);
        return closed.size();
    }

    private void addToStatistics(List<Closed> closed) {
        var rows = new LinkedHashMap<StatisticsKey, long[]>();
        for (Closed c : closed) {
            var key = new StatisticsKey(month(c.submittedAt()), month(c.closedAt()), c.fromAgency(), c.toAgency(),
                    c.category(), c.childRole(), c.priority(), c.district(), c.state());
            long[] sums = rows.computeIfAbsent(key, k -> new long[2]);
            sums[0]++;
            sums[1] += Math.max(0, Duration.between(c.submittedAt(), c.closedAt()).toMillis());
        }
        for (Map.Entry<StatisticsKey, long[]> row : rows.entrySet()) {
            var k = row.getKey();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("submitted", k.submittedMonth());
            params.put("closed", k.closedMonth());
            params.put("from", k.fromAgency());
            params.put("to", k.toAgency());
            params.put("category", k.category());
            params.put("role", k.childRole());
            params.put("priority", k.priority());
            params.put("district", k.district());
            params.put("state", k.finalState());
            params.put("n", row.getValue()[0]);
            params.put("ms", row.getValue()[1]);
            int updated = jdbc.sql("""
                    update handoff_statistics set handoffs = handoffs + :n, total_open_ms = total_open_ms + :ms
                    where submitted_month = :submitted and closed_month = :closed and from_agency = :from
                        and to_agency = :to and category = :category and child_role = :role and priority = :priority
                        and district = :district and final_state = :state""").params(params).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into handoff_statistics (submitted_month, closed_month, from_agency, to_agency,
                            category, child_role, priority, district, final_state, handoffs, total_open_ms)
                        values (:submitted, :closed, :from, :to, :category, :role, :priority, :district, :state,
                            :n, :ms)""").params(params).update();
            }
        }
    }

    int purgeDeadLetters(OffsetDateTime deadBefore) {
        int purged = 0;
        List<QueueMessages.Queued> messages;
        try {
            messages = queues.list(deadLetterQueue);
        } catch (Exception e) {
            throw new IllegalStateException("could not list " + deadLetterQueue + " on the broker", e);
        }
        for (var message : messages) {
            OffsetDateTime deadAt = deadAt(message);
            if (!deadAt.isBefore(deadBefore)) {
                continue;
            }
            String key = message.property("rujukMessageKey");
            String named = key != null ? key : "broker:" + message.messageId();
            Boolean removed = transactions.execute(tx -> {
                if (key != null) {
                    jdbc.sql("delete from dead_letter_log where message_key = :key").param("key", key).update();
                }
                audit.append(AuditTrail.HUB, AuditAction.DEAD_LETTER_PURGED, null,
                        "retention message=" + named + " dead=" + month(deadAt));
                try {
                    // Last: if the broker refuses, the count and the audit entry roll back with it.
                    if (!queues.remove(deadLetterQueue, message.messageId())) {
                        tx.setRollbackOnly();
                        return false;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not remove dead letter " + named, e);
                }
                return true;
            });
            if (Boolean.TRUE.equals(removed)) {
                purged++;
                log.info("retention purged dead letter {}", named);
            }
        }
        // Counts of dead letters an administrator already took off the broker.
        var stale = jdbc.sql("select message_key from dead_letter_log where at < :before")
                .param("before", deadBefore).query(String.class).list();
        for (String key : stale) {
            transactions.executeWithoutResult(tx -> {
                if (jdbc.sql("delete from dead_letter_log where message_key = :key").param("key", key).update() == 1) {
                    audit.append(AuditTrail.HUB, AuditAction.DEAD_LETTER_PURGED, null,
                            "retention message=" + key + " count-only");
                }
            });
        }
        return purged;
    }

    /** When the hub dead-lettered it ({@code rujukDeadAt}), else when the broker took it in. */
    private static OffsetDateTime deadAt(QueueMessages.Queued message) {
        String at = message.property("rujukDeadAt");
        if (at != null) {
            try {
                return OffsetDateTime.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                // fall back to the broker's own timestamp
            }
        }
        return Instant.ofEpochMilli(message.timestamp()).atOffset(ZoneOffset.UTC);
    }

    private static LocalDate month(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
