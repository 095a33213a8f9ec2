package org.rujuk.hub.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.messaging.HubTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meeting decisions about a hand-off, for coordinators and administrators (the path is theirs only, see the API's
 * security): {@code POST} records one (201, or 400 with {@code errors[]} of {@code {pointer, message}}),
 * {@code GET} lists them, oldest first, each with whether it was kept. An unknown referral is 404.
 */
@RestController
@RequestMapping("/api/v1/handoffs/{referralId}/decisions")
class DecisionController {

    /** A decision is a few short fields; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final DecisionRecorder recorder;
    private final MeetingDecisions decisions;
    private final HandoffLedger ledger;
    private final ClockCatalog catalog;
    private final Clock clock;

    DecisionController(DecisionRecorder recorder, MeetingDecisions decisions, HandoffLedger ledger,
            ClockCatalog catalog, Clock clock) {
        this.recorder = recorder;
        this.decisions = decisions;
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Object> record(@PathVariable UUID referralId, @RequestBody(required = false) byte[] body,
            Authentication caller) {
        if (body == null || body.length == 0) {
            return MeetingApi.badRequest("", "must be a JSON object with " + String.join(", ",
                    DecisionRecorder.FIELDS));
        }
        if (body.length > MAX_BODY_BYTES) {
            return MeetingApi.badRequest("", "must be at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = ContractJson.mapper().readTree(body);
        } catch (IOException e) {
            return MeetingApi.badRequest("", "is not well-formed JSON (UTF-8, no duplicate keys)");
        }
        var outcome = recorder.record(referralId, json, caller.getName());
        if (outcome instanceof DecisionRecorder.Outcome.Recorded recorded) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(DecisionView.of(recorded.decision(), catalog, HubTime.now(clock)));
        }
        if (outcome instanceof DecisionRecorder.Outcome.Invalid invalid) {
            return MeetingApi.badRequest(invalid.errors());
        }
        return MeetingApi.noSuchReferral();
    }

    @GetMapping
    ResponseEntity<Object> list(@PathVariable UUID referralId) {
        if (ledger.record(referralId).isEmpty()) {
            return MeetingApi.noSuchReferral();
        }
        var now = HubTime.now(clock);
        return ResponseEntity.ok(decisions.of(referralId).stream()
                .map(d -> DecisionView.of(d, catalog, now)).toList());
    }
}
