package org.rujuk.hub.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.deadline.ClockLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default runs on H2 in PostgreSQL mode, the other tests on PostgreSQL: the meeting migration and the
 * decisions' SQL (identity keys, the join on the decision's clock, the clocks met with another) on H2 too.
 */
class MeetingDecisionsOnH2Test {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T02:00:00Z");
    private static final LocalDate MEETING = LocalDate.of(2026, 12, 1);

    private JdbcClient jdbc;
    private MeetingDecisions decisions;
    private ClockLedger clocks;
    private final UUID referral = UUID.randomUUID();

    @BeforeEach
    void migrateAnEmptyH2AsTheEmbeddedDefaultDoes() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:meeting-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        decisions = new MeetingDecisions(jdbc);
        clocks = new ClockLedger(jdbc);
        jdbc.sql("""
                insert into handoff (referral_id, case_ref, from_agency, to_agency, priority, child_role, category,
                    services, district, age_years, state, sent_at, submitted_at, state_changed_at, intake_message_key)
                values (:id, 'LP/B/1/XII/2026', 'police', 'social', 'urgent', 'victim', 'neglect', 'assessment',
                    'Metro Pusat', 12, 'submitted', :now, :now, :now, 'amq:1')""")
                .param("id", referral).param("now", NOW).update();
        jdbc.sql("""
                insert into handoff_clock (referral_id, clock_id, must_act, started_at, due_at, level2_at, level,
                    next_escalation_at)
                values (:id, 'receive', 'social', :now, :now, :now, 0, :now)""")
                .param("id", referral).param("now", NOW.minusHours(4)).update();
    }

    @Test
    void recordsADecisionWithItsClockAndFindsThePreviousMeeting() {
        String action = "\uD83D\uDE00".repeat(DecisionRecorder.MAX_ACTION);
        long open = decisions.insert(referral, "receive", MEETING, action, "social", MEETING.plusDays(2),
                NOW.plusDays(2), "coordinator", NOW);
        clocks.startUntil(referral, MeetingDecision.clockId(open), "social", NOW, NOW.plusDays(2), "receive");
        long metAtOnce = decisions.insert(referral, "gone", MEETING, "Tentang jam yang sudah selesai", "health",
                MEETING, NOW.plusDays(1), "admin", NOW);
        clocks.startUntil(referral, MeetingDecision.clockId(metAtOnce), "health", NOW, NOW.plusDays(1), "gone");
        decisions.insert(referral, "receive", MEETING.plusDays(30), "Rapat berikutnya", "social",
                MEETING.plusDays(31), NOW.plusDays(32), "coordinator", NOW.plusDays(30));

        assertThat(decisions.of(referral)).hasSize(3).first().satisfies(d -> {
            assertThat(d.id()).isEqualTo(open);
            assertThat(d.action()).isEqualTo(action);
            assertThat(d.dueAt().toInstant()).isEqualTo(NOW.plusDays(2).toInstant());
            assertThat(d.kept(NOW)).isEqualTo(Kept.OPEN);
            assertThat(d.kept(NOW.plusDays(3))).isEqualTo(Kept.NOT_KEPT);
        });
        assertThat(decisions.find(metAtOnce).orElseThrow().kept(NOW)).isEqualTo(Kept.KEPT);
        assertThat(clocks.find(referral, MeetingDecision.clockId(open)).running()).isTrue();
        assertThat(clocks.find(referral, MeetingDecision.clockId(open)).level2At().toInstant())
                .isEqualTo(NOW.plusDays(4).toInstant());

        assertThat(decisions.previousMeeting(MEETING.plusDays(30))).contains(MEETING);
        assertThat(decisions.previousMeeting(MEETING)).isEmpty();
        assertThat(decisions.atMeeting(MEETING)).extracting(d -> d.decision().id()).containsExactly(open, metAtOnce);
        assertThat(decisions.atMeeting(MEETING).get(0).caseRef()).isEqualTo("LP/B/1/XII/2026");
    }
}
