package org.rujuk.hub.api;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rujuk.hub.ledger.HandoffEvent;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.ledger.HandoffRecord;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ledger view of one hand-off (state, timestamps and history; never the child's identity), for the two
 * parties of the referral and for coordinators. Anyone else gets 404, as for an unknown id, so the API does
 * not reveal which referrals exist.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralLedgerController {

    private final HandoffLedger ledger;

    ReferralLedgerController(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/{referralId}")
    LedgerView referral(@PathVariable UUID referralId, Authentication caller) {
        var view = ledger.find(referralId)
                .filter(found -> ApiAccess.maySee(caller, found.handoff()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral"));
        return LedgerView.of(view.handoff(), view.history());
    }

    /** The JSON shape of the ledger view. */
    record LedgerView(UUID referralId, String caseRef, String from, String to, String priority, String childRole,
            String category, List<String> servicesRequested, String district, int ageYears,
            HandoffRecord.Legal legal, String state, OffsetDateTime sentAt, Map<String, OffsetDateTime> stateTimes,
            OffsetDateTime stateChangedAt, List<HistoryEntry> history) {

        static LedgerView of(HandoffRecord h, List<HandoffEvent> events) {
            var times = new LinkedHashMap<String, OffsetDateTime>();
            h.stateTimes().forEach((state, at) -> times.put(state.wire(), at));
            return new LedgerView(h.referralId(), h.caseRef(), h.fromAgency(), h.toAgency(), h.priority(),
                    h.childRole(), h.category(), h.services(), h.district(), h.ageYears(), h.legal(),
                    h.state().wire(), h.sentAt(), times, h.stateChangedAt(),
                    events.stream().map(HistoryEntry::of).toList());
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
