package org.rujuk.hub.deadline;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One stuck clock of one hand-off, with the routing metadata coordinators filter on. */
public record StuckHandoff(
        UUID referralId,
        String caseRef,
        String fromAgency,
        String toAgency,
        String mustAct,
        String state,
        String priority,
        String childRole,
        String category,
        String district,
        String clockId,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime stuckSince,
        int level) {
}
