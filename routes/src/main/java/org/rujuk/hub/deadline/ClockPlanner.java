package org.rujuk.hub.deadline;

import java.time.OffsetDateTime;
import org.rujuk.contract.HandoffState;
import org.rujuk.hub.deadline.LegalClockProperties.Start;
import org.rujuk.hub.ledger.HandoffMoved;
import org.rujuk.hub.ledger.HandoffRecord;
import org.rujuk.hub.ledger.HandoffStateMachine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts and stops a hand-off's clocks as it moves. It listens to the ledger's {@link HandoffMoved}
 * inside the transaction that records the move, so a hand-off and its clocks never disagree.
 */
@Component
public class ClockPlanner {

    private final ClockCatalog catalog;
    private final ClockLedger clocks;

    public ClockPlanner(ClockCatalog catalog, ClockLedger clocks) {
        this.catalog = catalog;
        this.clocks = clocks;
    }

    @EventListener
    void on(HandoffMoved moved) {
        if (moved.state() == HandoffState.SUBMITTED) {
            submitted(moved.handoff(), moved.at());
        } else {
            entered(moved.handoff(), moved.state(), moved.at());
        }
    }

    /** The referral was recorded: start the clocks that run from submission or from the legal stage. */
    void submitted(HandoffRecord handoff, OffsetDateTime at) {
        for (var clock : catalog.applicableTo(handoff)) {
            if (clock.startsAt() == Start.SUBMITTED) {
                clocks.start(handoff.referralId(), clock.id(), clock.mustAct(handoff), at, clock.durationFor(handoff));
            } else if (clock.startsAt() == Start.STAGE_STARTED && handoff.legal() != null) {
                clocks.start(handoff.referralId(), clock.id(), clock.mustAct(handoff),
                        handoff.legal().stageStartedAt(), clock.durationFor(handoff));
            } else {
                continue;
            }
            // A clock the referral itself satisfies (a request that must be made in time) is met now, on time or
            // late, and its lateness recorded.
            if (clock.endsAt().contains(HandoffState.SUBMITTED)) {
                clocks.meet(handoff.referralId(), clock.id(), at, "met");
            }
        }
    }

    /** The hand-off entered a state: meet the clocks it satisfies, stop all on a final state, start the next. */
    void entered(HandoffRecord handoff, HandoffState state, OffsetDateTime at) {
        boolean finalState = HandoffStateMachine.isFinal(state);
        for (var clock : catalog.applicableTo(handoff)) {
            if (clock.endsAt().contains(state)) {
                clocks.meet(handoff.referralId(), clock.id(), at, "met");
            } else if (finalState) {
                clocks.meet(handoff.referralId(), clock.id(), at, "stopped");
            } else if (startsOn(clock.startsAt(), state) || clock.restartsAt().contains(state)) {
                clocks.start(handoff.referralId(), clock.id(), clock.mustAct(handoff), at, clock.durationFor(handoff));
            }
        }
    }

    private static boolean startsOn(Start start, HandoffState state) {
        return switch (start) {
            case RECEIVED -> state == HandoffState.RECEIVED;
            case ACCEPTED -> state == HandoffState.ACCEPTED;
            case IN_PROGRESS -> state == HandoffState.IN_PROGRESS;
            case SUBMITTED, STAGE_STARTED -> false;
        };
    }
}
