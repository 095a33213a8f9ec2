package org.rujuk.hub.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clocks of every hand-off and their history. Writes join the caller's transaction (the ledger's, or the
 * watchdog's), which holds the lock on the hand-off or the clock rows it changes.
 */
@Repository
public class ClockLedger {

    private final JdbcClient jdbc;

    public ClockLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a clock, or restarts it: a restarted clock that was late is recorded as met that late first. */
    void start(UUID referralId, String clockId, String mustAct, OffsetDateTime startedAt, Duration duration) {
        OffsetDateTime start = utc(startedAt);
        OffsetDateTime due = start.plus(duration);
        OffsetDateTime level2 = start.plus(duration.multipliedBy(2));
        var existing = find(referralId, clockId);
        if (existing != null && existing.running()) {
            meet(referralId, clockId, start, "met");
        }
        int updated = jdbc.sql("""
                update handoff_clock set started_at = :start, due_at = :due, level2_at = :level2, level = 0,
                    next_escalation_at = :due, stuck_since = null, met_at = null, late_by_ms = null
                where referral_id = :id and clock_id = :clock""")
                .param("start", start).param("due", due).param("level2", level2)
                .param("id", referralId).param("clock", clockId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into handoff_clock (referral_id, clock_id, must_act, started_at, due_at, level2_at, level,
                        next_escalation_at)
                    values (:id, :clock, :mustAct, :start, :due, :level2, 0, :due)""")
                    .param("id", referralId).param("clock", clockId).param("mustAct", mustAct)
                    .param("start", start).param("due", due)
                    .param("level2", level2).update();
        }
        event(referralId, clockId, "started", null, due, start, null);
    }

    /**
     * Starts a clock that falls due at a fixed time rather than after a configured duration (level 2 at twice the
     * interval from {@code startedAt}) and is met when clock {@code metWith} of the same hand-off is met, in the
     * same transaction: a coordination meeting's decision runs until the clock it is about moves on. If that
     * clock is no longer running, the new one is met at once.
     */
    public void startUntil(UUID referralId, String clockId, String mustAct, OffsetDateTime startedAt,
            OffsetDateTime dueAt, String metWith) {
        OffsetDateTime start = utc(startedAt);
        OffsetDateTime due = utc(dueAt);
        OffsetDateTime level2 = due.plus(Duration.between(start, due));
        jdbc.sql("""
                insert into handoff_clock (referral_id, clock_id, must_act, started_at, due_at, level2_at, level,
                    next_escalation_at, met_with)
                values (:id, :clock, :mustAct, :start, :due, :level2, 0, :due, :metWith)""")
                .param("id", referralId).param("clock", clockId).param("mustAct", mustAct)
                .param("start", start).param("due", due).param("level2", level2).param("metWith", metWith)
                .update();
        event(referralId, clockId, "started", null, due, start, null);
        var awaited = find(referralId, metWith);
        if (awaited == null || !awaited.running()) {
            meet(referralId, clockId, start, "met");
        }
    }

    /**
     * Ends a running clock: {@code met} when the hand-off did what it was waiting for, else {@code stopped}; the
     * running clocks that wait for it ({@code met_with}) end with it, the same way.
     */
    void meet(UUID referralId, String clockId, OffsetDateTime at, String kind) {
        var clock = find(referralId, clockId);
        if (clock == null || !clock.running()) {
            return;
        }
        OffsetDateTime when = utc(at);
        long lateBy = Math.max(0, Duration.between(clock.dueAt(), when).toMillis());
        jdbc.sql("""
                update handoff_clock set met_at = :at, late_by_ms = :late, next_escalation_at = null,
                    stuck_since = null
                where referral_id = :id and clock_id = :clock""")
                .param("at", when).param("late", lateBy).param("id", referralId).param("clock", clockId).update();
        event(referralId, clockId, kind, clock.level() == 0 ? null : clock.level(), clock.dueAt(), when, lateBy);
        var waiting = jdbc.sql("""
                select clock_id from handoff_clock
                where referral_id = :id and met_with = :clock and met_at is null order by clock_id""")
                .param("id", referralId).param("clock", clockId).query(String.class).list();
        for (String dependent : waiting) {
            meet(referralId, dependent, when, kind);
        }
    }

    /**
     * The clocks whose next escalation is due, locked for this transaction; rows another hub instance holds are
     * skipped, so each escalation is worked on by one instance at a time. Uses the next-escalation index: the
     * cost follows the number of late clocks, not the size of the ledger.
     */
    public List<ClockRecord> lockDue(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select * from handoff_clock where next_escalation_at <= :now
                order by next_escalation_at fetch first :limit rows only
                for update skip locked""")
                .param("now", utc(now)).param("limit", limit)
                .query(ClockLedger::map).list();
    }

    /** Records that a clock reached an escalation level; {@code false} when it already had (nothing recorded). */
    public boolean escalated(ClockRecord clock, int level, OffsetDateTime at) {
        OffsetDateTime levelDue = level == 1 ? clock.dueAt() : clock.level2At();
        int updated = jdbc.sql("""
                update handoff_clock set level = :level, stuck_since = :stuck, next_escalation_at = :next
                where referral_id = :id and clock_id = :clock and level < :level""")
                .param("level", level)
                .param("stuck", clock.dueAt())
                .param("next", level == 1 ? clock.level2At() : null)
                .param("id", clock.referralId()).param("clock", clock.clockId()).update();
        if (updated == 1) {
            event(clock.referralId(), clock.clockId(), "escalated", level, levelDue, utc(at),
                    Duration.between(clock.dueAt(), at).toMillis());
        }
        return updated == 1;
    }

    public ClockRecord find(UUID referralId, String clockId) {
        return jdbc.sql("select * from handoff_clock where referral_id = :id and clock_id = :clock")
                .param("id", referralId).param("clock", clockId).query(ClockLedger::map).optional().orElse(null);
    }

    public List<ClockRecord> clocksOf(UUID referralId) {
        return jdbc.sql("select * from handoff_clock where referral_id = :id order by started_at, clock_id")
                .param("id", referralId).query(ClockLedger::map).list();
    }

    public List<DeadlineEvent> historyOf(UUID referralId) {
        return jdbc.sql("select * from handoff_deadline_event where referral_id = :id order by id")
                .param("id", referralId)
                .query((rs, n) -> new DeadlineEvent(rs.getString("clock_id"), rs.getString("kind"),
                        (Integer) rs.getObject("level", Integer.class), rs.getObject("due_at", OffsetDateTime.class),
                        rs.getObject("at", OffsetDateTime.class), (Long) rs.getObject("late_by_ms", Long.class)))
                .list();
    }

    private void event(UUID referralId, String clockId, String kind, Integer level, OffsetDateTime dueAt,
            OffsetDateTime at, Long lateBy) {
        jdbc.sql("""
                insert into handoff_deadline_event (referral_id, clock_id, kind, level, due_at, at, late_by_ms)
                values (:id, :clock, :kind, :level, :due, :at, :late)""")
                .param("id", referralId).param("clock", clockId).param("kind", kind).param("level", level)
                .param("due", utc(dueAt)).param("at", utc(at)).param("late", lateBy).update();
    }

    static ClockRecord map(ResultSet rs, int row) throws SQLException {
        return new ClockRecord(
                rs.getObject("referral_id", UUID.class),
                rs.getString("clock_id"),
                rs.getString("must_act"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("level2_at", OffsetDateTime.class),
                rs.getInt("level"),
                rs.getObject("next_escalation_at", OffsetDateTime.class),
                rs.getObject("stuck_since", OffsetDateTime.class),
                rs.getObject("met_at", OffsetDateTime.class),
                (Long) rs.getObject("late_by_ms", Long.class));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
