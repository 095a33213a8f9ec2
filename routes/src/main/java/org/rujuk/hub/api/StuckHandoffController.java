package org.rujuk.hub.api;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.deadline.StuckHandoffs;
import org.rujuk.hub.messaging.HubTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stuck hand-offs, for coordinators: filterable by the agency that must act, priority, child role, deadline
 * and district; each with its clock, legal source, due time and how late it is now; oldest first, a page of
 * {@code limit} (default 1000, at most 10 000) from {@code offset}. Routing metadata only.
 */
@RestController
@Validated
@RequestMapping("/api/v1/handoffs")
class StuckHandoffController {

    static final int DEFAULT_PAGE = 1000;
    static final int MAX_PAGE = 10_000;

    private final StuckHandoffs stuck;
    private final ClockCatalog catalog;
    private final Clock clock;

    StuckHandoffController(StuckHandoffs stuck, ClockCatalog catalog, Clock clock) {
        this.stuck = stuck;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/stuck")
    List<StuckView> stuck(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String role,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) @Min(1) @Max(MAX_PAGE) int limit) {
        OffsetDateTime now = HubTime.now(clock);
        return stuck.list(new StuckHandoffs.Filter(agency, priority, role, deadline, district, offset, limit))
                .stream()
                .map(s -> {
                    Duration late = Duration.between(s.dueAt(), now);
                    return new StuckView(s.referralId(), s.caseRef(), s.fromAgency(), s.toAgency(), s.mustAct(),
                            s.state(), s.priority(), s.childRole(), s.category(), s.district(), s.clockId(),
                            catalog.labelOf(s.clockId()), catalog.sourceOf(s.clockId()), s.startedAt(), s.dueAt(),
                            s.stuckSince(), s.level(), late.toString(), late.toSeconds());
                })
                .toList();
    }

    /** The JSON shape of one stuck hand-off. */
    record StuckView(UUID referralId, String caseRef, String from, String to, String mustAct, String state,
            String priority, String childRole, String category, String district, String deadline, String label,
            String source, OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime stuckSince, int level,
            String lateBy, long lateBySeconds) {
    }
}
