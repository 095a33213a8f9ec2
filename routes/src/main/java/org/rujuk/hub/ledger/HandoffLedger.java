package org.rujuk.hub.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rujuk.contract.HandoffState;
import org.rujuk.contract.Referral;
import org.rujuk.contract.StatusUpdate;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.ledger.HandoffStateMachine.Decision;
import org.rujuk.hub.ledger.HandoffStateMachine.Reporter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records referrals and status changes, each in its own database transaction that commits before the JMS
 * transaction of the message that caused it. Every write is idempotent and remembers the broker message that
 * caused it: when that same message comes again (the hub or broker crashed before the JMS commit) the ledger
 * answers with the effects it already recorded, so the caller re-sends the same notices (with the same
 * duplicate ids) instead of losing them.
 */
@Repository
public class HandoffLedger {

    /** What recording a referral did. */
    public enum ReferralResult {
        /** First time: recorded. */
        RECORDED,
        /** The same broker message again after a failure: already recorded, effects to be re-sent. */
        REDELIVERED,
        /** A new message with a referral the ledger already has, with the same routing: absorbed. */
        DUPLICATE,
        /** A referral id already used for a different referral. */
        CONFLICT
    }

    /** What applying a status did. */
    public sealed interface StatusResult {
        /** States entered (or, for a redelivered message, already entered by it) in order. */
        record Applied(HandoffRecord handoff, List<HandoffEvent> entered) implements StatusResult {
        }

        record Repeated(HandoffRecord handoff) implements StatusResult {
        }

        record Refused(String pointer, String message) implements StatusResult {
        }

        /** No referral with this id has been recorded (yet: it may still be on its way on the other queue). */
        record Unknown() implements StatusResult {
        }
    }

    public static final String NOT_A_PARTY = "is not a referral your agency is a party to";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    public HandoffLedger(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.audit = audit;
    }

    public ReferralResult recordReferral(Referral referral, String messageKey, OffsetDateTime now) {
        return transactions.execute(tx -> {
            OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
            var legal = referral.legal();
            int inserted = jdbc.sql("""
                    insert into handoff (referral_id, case_ref, from_agency, to_agency, priority, child_role,
                        category, services, district, age_years, legal_stage, legal_stage_started_at, detained,
                        state, sent_at, submitted_at, state_changed_at, intake_message_key)
                    values (:id, :caseRef, :from, :to, :priority, :role, :category, :services, :district, :age,
                        :legalStage, :legalStarted, :detained, 'submitted', :sentAt, :now, :now, :key)
                    on conflict do nothing""")
                    .param("id", referral.referralId())
                    .param("caseRef", referral.caseRef())
                    .param("from", referral.from())
                    .param("to", referral.to())
                    .param("priority", referral.priority().wire())
                    .param("role", referral.childRole().wire())
                    .param("category", referral.category().wire())
                    .param("services", String.join(",", referral.servicesRequested().stream()
                            .map(service -> service.wire()).toList()))
                    .param("district", referral.child().district())
                    .param("age", ageYears(referral))
                    .param("legalStage", legal == null ? null : legal.stage().wire())
                    .param("legalStarted", legal == null ? null
                            : legal.stageStartedAt().withOffsetSameInstant(ZoneOffset.UTC))
                    .param("detained", legal == null ? null : legal.detained())
                    .param("sentAt", referral.sentAt().withOffsetSameInstant(ZoneOffset.UTC))
                    .param("now", at)
                    .param("key", messageKey)
                    .update();
            if (inserted == 1) {
                insertEvent(referral.referralId(), HandoffState.SUBMITTED, null, false, referral.from(),
                        referral.sentAt(), at, null, messageKey);
                events.publishEvent(new HandoffMoved(find(referral.referralId()).orElseThrow().handoff(),
                        HandoffState.SUBMITTED, at));
                // Last, so the chain's lock is held only for the commit; only a first recording gets here, so a
                // redelivered message never appends twice.
                audit.append(referral.from(), AuditAction.REFERRAL_RECORDED, referral.referralId(),
                        "state=submitted to=" + referral.to() + " message=" + messageKey);
                return ReferralResult.RECORDED;
            }
            var existing = jdbc.sql("""
                    select intake_message_key, case_ref, from_agency, to_agency, priority, child_role, category
                    from handoff where referral_id = :id""")
                    .param("id", referral.referralId())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)})
                    .single();
            if (existing[0].equals(messageKey)) {
                return ReferralResult.REDELIVERED;
            }
            boolean sameRouting = Arrays.equals(Arrays.copyOfRange(existing, 1, 7), new String[] {
                    referral.caseRef(), referral.from(), referral.to(), referral.priority().wire(),
                    referral.childRole().wire(), referral.category().wire()});
            return sameRouting ? ReferralResult.DUPLICATE : ReferralResult.CONFLICT;
        });
    }

    public StatusResult applyStatus(StatusUpdate update, String messageKey, OffsetDateTime now) {
        return transactions.execute(tx -> {
            Optional<HandoffRecord> locked = jdbc.sql("select * from handoff where referral_id = :id for update")
                    .param("id", update.referralId())
                    .query(HandoffLedger::mapRecord)
                    .optional();
            if (locked.isEmpty()) {
                return new StatusResult.Unknown();
            }
            if (!locked.get().isParty(update.from())) {
                return new StatusResult.Refused("/referralId", NOT_A_PARTY);
            }
            HandoffRecord handoff = locked.get();
            List<HandoffEvent> already = events(update.referralId(), messageKey);
            if (!already.isEmpty()) {
                return new StatusResult.Applied(handoff, already);
            }
            Reporter reporter = handoff.fromAgency().equals(update.from()) ? Reporter.SENDER : Reporter.RECEIVER;
            if (isNoNews(update, reporter)) {
                return new StatusResult.Repeated(handoff);
            }
            Decision decision = HandoffStateMachine.decide(handoff.state(), update.status(), reporter);
            if (decision instanceof Decision.Repeat) {
                return new StatusResult.Repeated(handoff);
            }
            if (decision instanceof Decision.Refuse refuse) {
                return new StatusResult.Refused(refuse.pointer(), refuse.message());
            }
            OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
            List<HandoffState> states = ((Decision.Enter) decision).states();
            var entered = new ArrayList<HandoffEvent>();
            var audited = new ArrayList<AuditTrail.Draft>();
            HandoffState previous = handoff.state();
            for (HandoffState state : states) {
                boolean implied = state != update.status();
                String reason = implied ? null : update.reason();
                insertEvent(update.referralId(), state, previous, implied, update.from(), update.at(), at, reason,
                        messageKey);
                entered.add(new HandoffEvent(state, previous, implied, update.from(), update.at(), at, reason));
                jdbc.sql("update handoff set " + column(state) + " = :at where referral_id = :id")
                        .param("at", at).param("id", update.referralId()).update();
                events.publishEvent(new HandoffMoved(handoff, state, at));
                audited.add(new AuditTrail.Draft(update.from(), AuditAction.STATE_ENTERED, update.referralId(),
                        "state=" + state.wire() + " previous=" + previous.wire()
                                + " implied=" + implied + " message=" + messageKey));
                previous = state;
            }
            jdbc.sql("update handoff set state = :state, state_changed_at = :at where referral_id = :id")
                    .param("state", update.status().wire()).param("at", at).param("id", update.referralId())
                    .update();
            // A redelivered message returned above with what it already entered: each state is audited once.
            audit.append(audited);
            return new StatusResult.Applied(find(update.referralId()).orElseThrow().handoff(), entered);
        });
    }

    /** A hand-off with its history, for the ledger view. */
    public record HandoffView(HandoffRecord handoff, List<HandoffEvent> history) {
    }

    /** The hand-off's routing metadata and state, without its history. */
    public Optional<HandoffRecord> record(UUID referralId) {
        return jdbc.sql("select * from handoff where referral_id = :id")
                .param("id", referralId)
                .query(HandoffLedger::mapRecord)
                .optional();
    }

    public Optional<HandoffView> find(UUID referralId) {
        return record(referralId).map(record -> new HandoffView(record, events(referralId, null)));
    }

    /**
     * Whether the hand-off already went through the reported state in a way that makes this report no news: a
     * later state implied it (a "received" arriving after the "accepted" it was implied by), or the same party
     * reported it with the same `at` (the same message sent again by an agency that could not tell whether its send
     * went through), however far the hand-off has moved since. One row at most: a state is entered once.
     */
    private boolean isNoNews(StatusUpdate update, Reporter reporter) {
        return jdbc.sql("select implied, reported_by, reported_at from handoff_event where referral_id = :id"
                        + " and state = :state")
                .param("id", update.referralId()).param("state", update.status().wire())
                .query((rs, n) -> rs.getBoolean("implied") ? reporter == Reporter.RECEIVER
                        : update.from().equals(rs.getString("reported_by"))
                                && update.at().isEqual(rs.getObject("reported_at", OffsetDateTime.class)))
                .optional().orElse(false);
    }

    private List<HandoffEvent> events(UUID referralId, String messageKey) {
        return jdbc.sql("select * from handoff_event where referral_id = :id"
                        + (messageKey == null ? "" : " and message_key = :key") + " order by id")
                .param("id", referralId)
                .params(messageKey == null ? java.util.Map.of() : java.util.Map.of("key", messageKey))
                .query((rs, n) -> new HandoffEvent(
                        HandoffState.fromWire(rs.getString("state")),
                        rs.getString("previous_state") == null ? null
                                : HandoffState.fromWire(rs.getString("previous_state")),
                        rs.getBoolean("implied"),
                        rs.getString("reported_by"),
                        rs.getObject("reported_at", OffsetDateTime.class),
                        rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("reason")))
                .list();
    }

    private void insertEvent(UUID referralId, HandoffState state, HandoffState previous, boolean implied,
            String reportedBy, OffsetDateTime reportedAt, OffsetDateTime recordedAt, String reason,
            String messageKey) {
        jdbc.sql("""
                insert into handoff_event (referral_id, state, previous_state, implied, reported_by, reported_at,
                    recorded_at, reason, message_key)
                values (:id, :state, :previous, :implied, :by, :reportedAt, :recordedAt, :reason, :key)""")
                .param("id", referralId)
                .param("state", state.wire())
                .param("previous", previous == null ? null : previous.wire())
                .param("implied", implied)
                .param("by", reportedBy)
                .param("reportedAt", reportedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .param("recordedAt", recordedAt)
                .param("reason", reason)
                .param("key", messageKey)
                .update();
    }

    private static String column(HandoffState state) {
        return state.wire() + "_at";
    }

    private static HandoffRecord mapRecord(ResultSet rs, int row) throws SQLException {
        var times = new EnumMap<HandoffState, OffsetDateTime>(HandoffState.class);
        for (HandoffState state : HandoffState.values()) {
            OffsetDateTime at = rs.getObject(column(state), OffsetDateTime.class);
            if (at != null) {
                times.put(state, at);
            }
        }
        String stage = rs.getString("legal_stage");
        return new HandoffRecord(
                rs.getObject("referral_id", UUID.class),
                rs.getString("case_ref"),
                rs.getString("from_agency"),
                rs.getString("to_agency"),
                rs.getString("priority"),
                rs.getString("child_role"),
                rs.getString("category"),
                List.of(rs.getString("services").split(",")),
                rs.getString("district"),
                rs.getInt("age_years"),
                stage == null ? null : new HandoffRecord.Legal(stage,
                        rs.getObject("legal_stage_started_at", OffsetDateTime.class), rs.getBoolean("detained")),
                HandoffState.fromWire(rs.getString("state")),
                rs.getObject("sent_at", OffsetDateTime.class),
                times,
                rs.getObject("state_changed_at", OffsetDateTime.class));
    }

    /** The child's age in whole years when the referral was sent; the birth date itself is never stored. */
    static int ageYears(Referral referral) {
        var child = referral.child();
        if (child.ageYears() != null) {
            return child.ageYears();
        }
        return Period.between(child.birthDate(), referral.sentAt().toLocalDate()).getYears();
    }
}
