package org.rujuk.hub.ledger;

import java.time.OffsetDateTime;
import org.rujuk.contract.HandoffState;

/**
 * Published by the ledger, inside the transaction that records it, each time a hand-off enters a state
 * ({@code submitted} when the referral is recorded). Listeners run in that transaction: what they write commits
 * or rolls back with the move.
 */
public record HandoffMoved(HandoffRecord handoff, HandoffState state, OffsetDateTime at) {
}
