package org.rujuk.hub.ledger;

import java.time.OffsetDateTime;
import org.rujuk.contract.HandoffState;

/**
 * One entry of a hand-off's append-only history: the state it entered, who reported it, when (by the agency's
 * clock and by the hub's), and whether it was implied by a later state.
 */
public record HandoffEvent(
        HandoffState state,
        HandoffState previousState,
        boolean implied,
        String reportedBy,
        OffsetDateTime reportedAt,
        OffsetDateTime recordedAt,
        String reason) {
}
