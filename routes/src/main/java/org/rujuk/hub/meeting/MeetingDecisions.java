package org.rujuk.hub.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The recorded meeting decisions, each with the state of its own clock. */
@Repository
public class MeetingDecisions {

    /** A decision with the routing metadata of its hand-off, for the meeting pack. */
    record Decided(MeetingDecision decision, String caseRef, String fromAgency, String toAgency, String state) {
    }

    private static final String SELECT = """
            select d.*, c.met_at as clock_met_at, h.case_ref, h.from_agency, h.to_agency, h.state
            from meeting_decision d
            join handoff h on h.referral_id = d.referral_id
            left join handoff_clock c on c.referral_id = d.referral_id and c.clock_id = concat('decision_', d.id)
            """;

    private final JdbcClient jdbc;

    public MeetingDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a decision (in the caller's transaction) and returns its id. */
    long insert(UUID referralId, String deadline, LocalDate meetingDate, String action, String responsibleAgency,
            LocalDate dueDate, OffsetDateTime dueAt, String decidedBy, OffsetDateTime decidedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_decision (referral_id, about_clock, meeting_date, action, responsible_agency,
                    due_date, due_at, decided_by, decided_at)
                values (:id, :clock, :meeting, :action, :agency, :dueDate, :dueAt, :by, :at)""")
                .param("id", referralId).param("clock", deadline).param("meeting", meetingDate)
                .param("action", action).param("agency", responsibleAgency).param("dueDate", dueDate)
                .param("dueAt", utc(dueAt)).param("by", decidedBy).param("at", utc(decidedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The decisions about one hand-off, oldest first. */
    public List<MeetingDecision> of(UUID referralId) {
        return jdbc.sql(SELECT + " where d.referral_id = :id order by d.id")
                .param("id", referralId).query(MeetingDecisions::mapDecided).list().stream()
                .map(Decided::decision).toList();
    }

    Optional<MeetingDecision> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(MeetingDecisions::mapDecided)
                .optional().map(Decided::decision);
    }

    /** The date of the last meeting before {@code date} that recorded a decision. */
    public Optional<LocalDate> previousMeeting(LocalDate date) {
        return jdbc.sql("""
                select meeting_date from meeting_decision where meeting_date < :d
                order by meeting_date desc fetch first 1 rows only""")
                .param("d", date).query(LocalDate.class).optional();
    }

    /** The decisions of one meeting, in the order they were recorded. */
    List<Decided> atMeeting(LocalDate date) {
        return jdbc.sql(SELECT + " where d.meeting_date = :d order by d.id")
                .param("d", date).query(MeetingDecisions::mapDecided).list();
    }

    private static Decided mapDecided(ResultSet rs, int row) throws SQLException {
        var decision = new MeetingDecision(
                rs.getLong("id"),
                rs.getObject("referral_id", UUID.class),
                rs.getString("about_clock"),
                rs.getObject("meeting_date", LocalDate.class),
                rs.getString("action"),
                rs.getString("responsible_agency"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("clock_met_at", OffsetDateTime.class));
        return new Decided(decision, rs.getString("case_ref"), rs.getString("from_agency"),
                rs.getString("to_agency"), rs.getString("state"));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
