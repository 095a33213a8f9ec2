package org.rujuk.hub.api;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.deadline.ClockLedger;
import org.rujuk.hub.deadline.ClockRecord;
import org.rujuk.hub.deadline.DeadlineEvent;
import org.rujuk.hub.ledger.HandoffEvent;
import org.rujuk.hub.messaging.HubTime;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.ledger.HandoffRecord;
import org.rujuk.hub.meeting.DecisionView;
import org.rujuk.hub.meeting.MeetingDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger view of one hand-off (state, timestamps, history, clocks and meeting decisions; never the child's
 * identity), for the two parties of the referral and for coordinators. Anyone else gets 404, as for an unknown id,
 * so the API does not reveal which referrals exist.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralLedgerController {

    private final HandoffLedger ledger;
    private final ClockLedger clocks;
    private final ClockCatalog catalog;
    private final MeetingDecisions decisions;
    private final Clock clock;
    private final AuditTrail audit;

    ReferralLedgerController(HandoffLedger ledger, ClockLedger clocks, ClockCatalog catalog,
            MeetingDecisions decisions, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.ledger = ledger;
        this.clocks = clocks;
        this.catalog = catalog;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/{referralId}")
    LedgerView referral(@PathVariable UUID referralId, Authentication caller) {
        var view = ledger.find(referralId)
                .filter(found -> ApiAccess.maySee(caller, found.handoff()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral"));
        // Before answering: a look that could not be audited is not given.
        if (ApiAccess.isOverseer(caller)) {
            audit.accessed(caller.getName(), AuditAction.REFERRAL_VIEWED, List.of(referralId), "via=api");
        }
        OffsetDateTime now = HubTime.now(clock);
        var clockViews = clocks.clocksOf(referralId).stream().map(c -> ClockView.of(c, catalog, now)).toList();
        var deadlineHistory = clocks.historyOf(referralId).stream().map(DeadlineEntry::of).toList();
        var decisionViews = decisions.of(referralId).stream().map(d -> DecisionView.of(d, catalog, now)).toList();
        return LedgerView.of(view.handoff(), view.history(), clockViews, deadlineHistory, decisionViews);
    }

    /** The JSON shape of the ledger view. */
    record LedgerView(UUID referralId, String caseRef, String from, String to, String priority, String childRole,
            String category, List<String> servicesRequested, String district, int ageYears,
            HandoffRecord.Legal legal, String state, OffsetDateTime sentAt, Map<String, OffsetDateTime> stateTimes,
            OffsetDateTime stateChangedAt, List<HistoryEntry> history, List<ClockView> clocks,
            List<DeadlineEntry> deadlineHistory, List<DecisionView> decisions) {

        static LedgerView of(HandoffRecord h, List<HandoffEvent> events, List<ClockView> clocks,
                List<DeadlineEntry> deadlineHistory, List<DecisionView> decisions) {
            var times = new LinkedHashMap<String, OffsetDateTime>();
            h.stateTimes().forEach((state, at) -> times.put(state.wire(), at));
            return new LedgerView(h.referralId(), h.caseRef(), h.fromAgency(), h.toAgency(), h.priority(),
                    h.childRole(), h.category(), h.services(), h.district(), h.ageYears(), h.legal(),
                    h.state().wire(), h.sentAt(), times, h.stateChangedAt(),
                    events.stream().map(HistoryEntry::of).toList(), clocks, deadlineHistory, decisions);
        }
    }

    /** A clock of the hand-off: running, stuck (late, not met), met or stopped, and how late. */
    record ClockView(String deadline, String label, String source, String mustAct, String status,
            OffsetDateTime startedAt, OffsetDateTime dueAt, int level, OffsetDateTime stuckSince,
            OffsetDateTime metAt, String lateBy) {

        static ClockView of(ClockRecord c, ClockCatalog catalog, OffsetDateTime now) {
            String status = c.metAt() != null ? "met" : c.stuckSince() != null ? "stuck" : "running";
            return new ClockView(c.clockId(), catalog.labelOf(c.clockId()), catalog.sourceOf(c.clockId()),
                    c.mustAct(), status, c.startedAt(),
                    c.dueAt(), c.level(), c.stuckSince(), c.metAt(), c.lateBy(now).toString());
        }
    }

    /** One entry of the deadline history: started, escalated, met or stopped. */
    record DeadlineEntry(String deadline, String kind, Integer level, OffsetDateTime dueAt, OffsetDateTime at,
            String lateBy) {

        static DeadlineEntry of(DeadlineEvent e) {
            return new DeadlineEntry(e.clockId(), e.kind(), e.level(), e.dueAt(), e.at(),
                    e.lateByMillis() == null ? null : Duration.ofMillis(e.lateByMillis()).toString());
        }
    }

    record HistoryEntry(String state, String previousState, boolean implied, String reportedBy,
            OffsetDateTime reportedAt, OffsetDateTime recordedAt, String reason) {

        static HistoryEntry of(HandoffEvent e) {
            return new HistoryEntry(e.state().wire(), e.previousState() == null ? null : e.previousState().wire(),
                    e.implied(), e.reportedBy(), e.reportedAt(), e.recordedAt(), e.reason());
        }
    }
}
